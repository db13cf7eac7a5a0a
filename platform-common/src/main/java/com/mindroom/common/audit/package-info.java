/**
 * The append-only audit log: who did what to whom, from where, and how it ended.
 */
package com.mindroom.common.audit;
