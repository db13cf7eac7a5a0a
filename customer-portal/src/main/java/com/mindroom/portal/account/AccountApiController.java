package com.mindroom.portal.account;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.portal.system.AccountGate;
import com.mindroom.portal.system.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's account over the API: who they are, their data export, and scheduling or
 * cancelling the account's deletion.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "account", description = "The signed-in account, its data export and deletion")
class AccountApiController {

	private final DataExport export;

	private final AccountDeletion deletion;

	AccountApiController(DataExport export, AccountDeletion deletion) {
		this.export = export;
		this.deletion = deletion;
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in account")
	Me me(@RequestAttribute(AccountGate.ACCOUNT) Account account) {
		return new Me(account.id(), account.email(), account.name(), account.status(), account.emailVerified(),
				account.createdAt(), account.consentMarketing(), account.consentProductUpdates(),
				account.deletionScheduledFor());
	}

	@GetMapping("/export")
	@Operation(summary = "Everything we hold about the account, as JSON (no secrets)")
	ResponseEntity<String> export(Caller caller) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mindroom-account-export.json").build().toString())
			.body(this.export.export(caller));
	}

	@PostMapping("/account/deletion")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Schedule the account's deletion",
			description = "Takes effect after the grace period (7 days by default) and can be cancelled until then. "
					+ "Scheduling again keeps the first schedule.")
	AccountDeletion.Schedule scheduleDeletion(Caller caller) {
		return this.deletion.schedule(caller);
	}

	@DeleteMapping("/account/deletion")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Cancel the scheduled deletion", description = "409 when none is scheduled.")
	void cancelDeletion(Caller caller) {
		this.deletion.cancel(caller);
	}

	/**
	 * The signed-in account.
	 *
	 * @param id the account id
	 * @param email the email
	 * @param name the display name
	 * @param status {@code active}
	 * @param emailVerified whether the email is confirmed
	 * @param createdAt when the account was created
	 * @param marketingEmails whether marketing email is wanted
	 * @param productUpdateEmails whether product update email is wanted
	 * @param deletionScheduledFor when a scheduled deletion takes effect, if any
	 */
	record Me(UUID id, String email, String name, String status, boolean emailVerified, Instant createdAt,
			boolean marketingEmails, boolean productUpdateEmails, Instant deletionScheduledFor) {

	}

}
