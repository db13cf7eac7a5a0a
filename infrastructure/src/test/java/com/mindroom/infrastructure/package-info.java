/**
 * Tests of the operator tooling: the deploy, clean-up and migration scripts, the Helm
 * charts and the Terraform configuration.
 */
package com.mindroom.infrastructure;
