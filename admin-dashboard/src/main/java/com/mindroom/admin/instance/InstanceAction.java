package com.mindroom.admin.instance;

import java.util.Arrays;
import java.util.Locale;

import com.mindroom.common.web.Problems;

/**
 * The actions on one instance that need no step-up, as they appear in URLs
 * ({@code /restart}) and audit entries ({@code instance.restart}).
 */
enum InstanceAction {

	RESTART, SUSPEND, RESUME, REPROVISION, RETRY;

	String auditName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static InstanceAction fromPath(String value) {
		return Arrays.stream(values())
			.filter((action) -> action.auditName().equals(value))
			.findFirst()
			.orElseThrow(() -> Problems.notFound("No such instance action."));
	}

	String done() {
		return switch (this) {
			case RESTART -> "Restart requested.";
			case SUSPEND -> "Suspend requested; the instance keeps its data.";
			case RESUME -> "Resume requested.";
			case REPROVISION -> "Reprovision requested: the next reconcile starts from scratch.";
			case RETRY -> "Retry requested: the provisioner tries again now.";
		};
	}

}
