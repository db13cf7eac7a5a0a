package com.mindroom.common.identity;

import java.util.UUID;

/**
 * A confirmed change of an account's email address.
 *
 * @param accountId the account
 * @param previousEmail the address it had
 * @param newEmail the address it has now
 */
public record EmailChange(UUID accountId, String previousEmail, String newEmail) {

}
