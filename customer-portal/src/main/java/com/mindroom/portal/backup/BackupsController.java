package com.mindroom.portal.backup;

import java.util.UUID;

import com.mindroom.common.instance.InstanceActionRefusedException;
import com.mindroom.portal.instance.CustomerInstances;
import com.mindroom.portal.instance.InstanceView;
import com.mindroom.portal.system.Caller;
import com.mindroom.portal.system.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backups page: the instance's daily backups, and on a paid plan the restore of one
 * of them; the instance's progress on the dashboard then shows the restore's steps.
 */
@PageController
class BackupsController {

	private static final String BACK = "redirect:/app/backups";

	private final CustomerInstances instances;

	private final CustomerBackups backups;

	BackupsController(CustomerInstances instances, CustomerBackups backups) {
		this.instances = instances;
		this.backups = backups;
	}

	@GetMapping("/app/backups")
	String backups(Caller caller, Model model) {
		this.instances.current(caller.accountId()).ifPresent((instance) -> {
			model.addAttribute("instance", instance);
			model.addAttribute("paid", this.backups.restorable(instance));
			model.addAttribute("backups", this.backups.of(caller.accountId(), instance.id()));
		});
		return "app/backups";
	}

	@PostMapping("/app/backups/restore")
	String restore(Caller caller, @RequestParam(required = false) UUID backup,
			@RequestParam(defaultValue = "") String confirm, RedirectAttributes flash) {
		InstanceView instance = this.instances.current(caller.accountId()).orElse(null);
		if (instance == null || backup == null) {
			flash.addFlashAttribute("error", "Choose the backup to restore.");
			return BACK;
		}
		try {
			this.backups.restore(caller, instance, backup, confirm);
			flash.addFlashAttribute("notice",
					"Restoring your backup: MindRoom stops, gets the backup's data and starts again. "
							+ "The dashboard shows each step.");
		}
		catch (InstanceActionRefusedException ex) {
			flash.addFlashAttribute("error", ex.getMessage() + ".");
		}
		return BACK;
	}

}
