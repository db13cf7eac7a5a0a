package com.mindroom.admin.backup;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.backup.InstanceBackups.Backup;
import com.mindroom.admin.backup.InstanceBackups.Restore;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * An instance's backups and restores as JSON, and the backup and restore actions; the
 * provisioner carries a restore out asynchronously and the instance's events show its
 * steps.
 */
@RestController
@RequestMapping("/api/admin/instances/{id}")
@Tag(name = "Backups", description = "An instance's backups and restores, backing it up now and restoring one")
class BackupApi {

	private final InstanceBackups backups;

	private final AdminRestores restores;

	private final AdminBackups manual;

	BackupApi(InstanceBackups backups, AdminRestores restores, AdminBackups manual) {
		this.backups = backups;
		this.restores = restores;
		this.manual = manual;
	}

	@GetMapping("/backups")
	@Operation(summary = "An instance's newest backups and restores (restore drills included), newest first")
	BackupsView backups(@PathVariable UUID id) {
		this.backups.target(id);
		return new BackupsView(this.backups.of(id), this.backups.restoresOf(id));
	}

	@PostMapping("/backup")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Back the instance up now",
			description = "Queues a backup.manual job for the provisioner; a repeat while one waits joins it. "
					+ "409 when the instance has no data to back up (not provisioned, or deleted).")
	Map<String, UUID> backUp(@PathVariable UUID id, Caller caller) {
		return Map.of("job", this.manual.backUp(caller, id));
	}

	@PostMapping("/restore")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Restore the instance from one of its successful backups",
			description = "confirm must be the instance's slug. The instance is suspended, its data replaced and "
					+ "resumed; 409 while another restore of it is under way.")
	Map<String, UUID> restore(@PathVariable UUID id, @RequestBody RestoreRequest request, Caller caller) {
		String confirm = (request.confirm() != null) ? request.confirm() : "";
		return Map.of("restore", this.restores.restore(caller, id, request.backup(), confirm));
	}

	/**
	 * An instance's backups and restores.
	 *
	 * @param backups its newest backups
	 * @param restores its newest restores and drills
	 */
	record BackupsView(List<Backup> backups, List<Restore> restores) {

	}

	/**
	 * A restore to ask for.
	 *
	 * @param backup the backup to restore
	 * @param confirm the instance's slug, typed to confirm
	 */
	record RestoreRequest(UUID backup, String confirm) {

	}

}
