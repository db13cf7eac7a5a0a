/**
 * The audit log: filtered views and CSV export of the append-only log.
 */
package com.mindroom.admin.audit;
