package com.mindroom.admin.backup;

import java.util.UUID;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.admin.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "Back up now" and restore actions of an instance's "Backups" section; the page
 * shows the outcome.
 */
@Controller
@AdminPage
class BackupPages {

	private final AdminRestores restores;

	private final AdminBackups manual;

	BackupPages(AdminRestores restores, AdminBackups manual) {
		this.restores = restores;
		this.manual = manual;
	}

	@PostMapping("/admin/instances/{id}/backup")
	String backUp(@PathVariable UUID id, Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "Backup requested: the provisioner starts it shortly, and it is listed below once it has.",
				() -> this.manual.backUp(caller, id));
		return "redirect:/admin/instances/" + id;
	}

	@PostMapping("/admin/instances/{id}/restore")
	String restore(@PathVariable UUID id, @RequestParam(required = false) UUID backup,
			@RequestParam(defaultValue = "") String confirm, Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "Restore requested: MindRoom stops, gets the backup's data and starts again.",
				() -> this.restores.restore(caller, id, backup, confirm));
		return "redirect:/admin/instances/" + id;
	}

}
