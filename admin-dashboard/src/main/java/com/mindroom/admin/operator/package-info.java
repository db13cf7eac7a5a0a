/**
 * The operator command that creates or promotes the first admin from the command line.
 */
package com.mindroom.admin.operator;
