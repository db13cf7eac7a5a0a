/**
 * Identity: signing customers and admins up and in through Supabase Auth or the built-in
 * accounts, behind one interface, and throttling sign-in attempts.
 */
package com.mindroom.common.identity;
