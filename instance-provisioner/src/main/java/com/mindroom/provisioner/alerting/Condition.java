package com.mindroom.provisioner.alerting;

/**
 * A critical condition that holds now.
 *
 * @param key what identifies it while it lasts: an incident stays open under this key
 * until the condition clears
 * @param severity {@code warning} or {@code critical}
 * @param summary one line for the email's subject and the incident
 * @param detail what an admin needs to know first
 * @param page the admin dashboard page to look at (a path)
 */
record Condition(String key, String severity, String summary, String detail, String page) {

}
