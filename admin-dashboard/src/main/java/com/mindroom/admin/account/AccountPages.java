package com.mindroom.admin.account;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.admin.web.Flash;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.Pager;
import com.mindroom.common.web.Problems;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account pages: search, detail, and the forms of the account actions (each returns
 * to the account with a message).
 */
@Controller
@AdminPage
class AccountPages {

	private final AccountQueries queries;

	private final AccountActions actions;

	AccountPages(AccountQueries queries, AccountActions actions) {
		this.queries = queries;
		this.actions = actions;
	}

	@GetMapping("/admin/accounts")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "created") String sort,
			@RequestParam(defaultValue = "desc") String dir, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, HttpServletRequest request) {
		String key = AccountQueries.SORTS.containsKey(sort) ? sort : "created";
		boolean ascending = "asc".equals(dir);
		Page<AccountViews.AccountRow> accounts = this.queries.search(q, key, ascending, PageRequest.of(page, size));
		model.addAttribute("accounts", accounts);
		model.addAttribute("pager", Pager.of(accounts, request));
		model.addAttribute("q", (q != null) ? q : "");
		model.addAttribute("sort", key);
		model.addAttribute("dir", ascending ? "asc" : "desc");
		return "accounts/list";
	}

	@GetMapping("/admin/accounts/{id}")
	String detail(@PathVariable UUID id, Model model) {
		model.addAttribute("detail", this.queries.detail(id).orElseThrow(() -> Problems.notFound("No such account.")));
		return "accounts/detail";
	}

	@PostMapping("/admin/accounts/{id}/suspend")
	String suspend(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Caller caller,
			RedirectAttributes redirect) {
		Flash.run(redirect, "The account is suspended; its instances will be suspended.",
				() -> this.actions.suspend(caller, id, reason));
		return back(id);
	}

	@PostMapping("/admin/accounts/{id}/unsuspend")
	String unsuspend(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Caller caller,
			RedirectAttributes redirect) {
		Flash.run(redirect, "The account is active again.", () -> this.actions.unsuspend(caller, id, reason));
		return back(id);
	}

	@PostMapping("/admin/accounts/{id}/grant-admin")
	String grantAdmin(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String code, Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "Admin rights granted. The new admin enrols a second factor at first sign-in.",
				() -> this.actions.grantAdmin(caller, id, reason, code));
		return back(id);
	}

	@PostMapping("/admin/accounts/{id}/revoke-admin")
	String revokeAdmin(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Caller caller,
			RedirectAttributes redirect) {
		Flash.run(redirect, "Admin rights revoked and the account's dashboard sessions ended.",
				() -> this.actions.revokeAdmin(caller, id, reason));
		return back(id);
	}

	@PostMapping("/admin/accounts/{id}/delete")
	String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "grace") String when,
			Caller caller, RedirectAttributes redirect) {
		Flash.run(redirect, "Deletion scheduled. The account's instances will be deleted when it takes effect.",
				() -> this.actions.scheduleDeletion(caller, id, reason, code, "now".equals(when)));
		return back(id);
	}

	@PostMapping("/admin/accounts/{id}/cancel-deletion")
	String cancelDeletion(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Caller caller,
			RedirectAttributes redirect) {
		Flash.run(redirect, "The deletion is cancelled.", () -> this.actions.cancelDeletion(caller, id, reason));
		return back(id);
	}

	private static String back(UUID id) {
		return "redirect:/admin/accounts/" + id;
	}

}
