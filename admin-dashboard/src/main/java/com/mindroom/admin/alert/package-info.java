/**
 * The alert incidents the provisioner opens and resolves ({@code alert_incidents}), as
 * admins read them: open ones first, then the recently resolved.
 */
package com.mindroom.admin.alert;
