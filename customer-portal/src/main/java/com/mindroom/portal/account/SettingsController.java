package com.mindroom.portal.account;

import jakarta.servlet.http.HttpServletRequest;

import com.mindroom.common.identity.IdentityException;
import com.mindroom.common.lifecycle.LifecyclePolicy;
import com.mindroom.portal.auth.PasswordChange;
import com.mindroom.portal.auth.SignIns.ThrottledException;
import com.mindroom.portal.system.AccountGate;
import com.mindroom.portal.system.Caller;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import com.mindroom.portal.system.PageController;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings pages: name, email change, consents, password, data export and the
 * two-step account deletion (and its cancellation).
 */
@PageController
@RequestMapping("/app/settings")
class SettingsController {

	private static final String BACK = "redirect:/app/settings";

	private final Accounts accounts;

	private final PasswordChange passwords;

	private final DataExport export;

	private final AccountDeletion deletion;

	private final LifecyclePolicy policy;

	private final EmailChanges emailChanges;

	SettingsController(Accounts accounts, PasswordChange passwords, DataExport export, AccountDeletion deletion,
			LifecyclePolicy policy, EmailChanges emailChanges) {
		this.policy = policy;
		this.emailChanges = emailChanges;
		this.accounts = accounts;
		this.passwords = passwords;
		this.export = export;
		this.deletion = deletion;
	}

	@ModelAttribute("graceDays")
	long graceDays() {
		return Math.max(1, this.policy.accountDeletionGrace().toDays());
	}

	@GetMapping
	String settings(@RequestAttribute(AccountGate.ACCOUNT) Account account, Model model) {
		model.addAttribute("account", account);
		return "app/settings";
	}

	@PostMapping("/profile")
	String profile(Caller caller, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
		String trimmed = name.trim();
		if (trimmed.length() > 200) {
			flash.addFlashAttribute("error", "Use a name of at most 200 characters.");
			return BACK;
		}
		this.accounts.updateName(caller.accountId(), trimmed);
		flash.addFlashAttribute("notice", "Your name was saved.");
		return BACK;
	}

	@PostMapping("/consents")
	String consents(Caller caller, @RequestParam(defaultValue = "false") boolean marketing,
			@RequestParam(defaultValue = "false") boolean productUpdates, RedirectAttributes flash) {
		this.accounts.updateConsents(caller.accountId(), marketing, productUpdates);
		flash.addFlashAttribute("notice", "Your email preferences were saved.");
		return BACK;
	}

	@PostMapping("/email")
	String email(Caller caller, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String current, HttpServletRequest request, RedirectAttributes flash) {
		try {
			String address = this.emailChanges.request(caller, email, current, request);
			flash.addFlashAttribute("notice",
					"We sent a confirmation link to " + address + ". Your email address changes once you use it.");
		}
		catch (IdentityException | ThrottledException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return BACK;
	}

	@PostMapping("/password")
	String password(Caller caller, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request, RedirectAttributes flash) {
		try {
			this.passwords.change(caller, current, password, request);
			flash.addFlashAttribute("notice", "Your password was changed.");
		}
		catch (IdentityException | ThrottledException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return BACK;
	}

	@GetMapping("/export")
	ResponseEntity<String> download(Caller caller) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mindroom-account-export.json").build().toString())
			.body(this.export.export(caller));
	}

	@GetMapping("/delete")
	String confirmDeletion(@RequestAttribute(AccountGate.ACCOUNT) Account account, Model model) {
		model.addAttribute("account", account);
		return "app/delete-account";
	}

	@PostMapping("/delete")
	String delete(Caller caller, @RequestParam(defaultValue = "") String confirmation, RedirectAttributes flash) {
		if (!confirmation.trim().equalsIgnoreCase(caller.email())) {
			flash.addFlashAttribute("error", "Type your email address exactly to confirm the deletion.");
			return "redirect:/app/settings/delete";
		}
		this.deletion.schedule(caller);
		flash.addFlashAttribute("notice", "Your account is scheduled for deletion. You can cancel until then.");
		return BACK;
	}

	@PostMapping("/delete/cancel")
	String cancelDeletion(Caller caller, RedirectAttributes flash) {
		try {
			this.deletion.cancel(caller);
			flash.addFlashAttribute("notice", "The deletion was cancelled; your account stays.");
		}
		catch (ErrorResponseException ex) {
			flash.addFlashAttribute("error", ex.getBody().getDetail());
		}
		return BACK;
	}

}
