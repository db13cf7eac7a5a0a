/**
 * Identity shared by the services: verifying (and, with the built-in identity, issuing)
 * Supabase-shaped JWTs.
 */
package com.mindroom.common.security;
