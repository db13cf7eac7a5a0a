package com.mindroom.admin.account;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.account.AccountViews.Account;
import com.mindroom.admin.account.AccountViews.AccountDetail;
import com.mindroom.admin.account.AccountViews.AccountRow;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.common.web.Problems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and the account actions as JSON. Each action answers the account as it now is;
 * refusals are problem details.
 */
@RestController
@RequestMapping("/api/admin/accounts")
@Tag(name = "Accounts", description = "Search accounts, see one, and act on it")
class AccountApi {

	private final AccountQueries queries;

	private final AccountActions actions;

	AccountApi(AccountQueries queries, AccountActions actions) {
		this.queries = queries;
		this.actions = actions;
	}

	@GetMapping
	@Operation(summary = "Search accounts by email, name or instance slug, paged and sorted",
			description = "sort: created, email, name or status; dir: asc or desc; page from 0; size up to 200.")
	Page<AccountRow> search(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "created") String sort, @RequestParam(defaultValue = "desc") String dir,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		if (!AccountQueries.SORTS.containsKey(sort)) {
			throw Problems.badRequest("sort must be one of " + AccountQueries.SORTS.keySet());
		}
		return this.queries.search(q, sort, "asc".equals(dir), PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An account with its subscriptions, instances, events, invoices, usage and audit entries")
	AccountDetail detail(@PathVariable UUID id) {
		return this.queries.detail(id).orElseThrow(() -> Problems.notFound("No such account."));
	}

	@PostMapping("/{id}/suspend")
	@Operation(summary = "Suspend the account (its instances follow through their desired state)")
	Account suspend(@PathVariable UUID id, @RequestBody ReasonRequest request, Caller caller) {
		this.actions.suspend(caller, id, request.reason());
		return account(id);
	}

	@PostMapping("/{id}/unsuspend")
	@Operation(summary = "Make a suspended account active again")
	Account unsuspend(@PathVariable UUID id, @RequestBody ReasonRequest request, Caller caller) {
		this.actions.unsuspend(caller, id, request.reason());
		return account(id);
	}

	@PostMapping("/{id}/grant-admin")
	@Operation(summary = "Grant admin rights (step-up: a fresh TOTP code in 'code')")
	Account grantAdmin(@PathVariable UUID id, @RequestBody StepUpRequest request, Caller caller) {
		this.actions.grantAdmin(caller, id, request.reason(), request.code());
		return account(id);
	}

	@PostMapping("/{id}/revoke-admin")
	@Operation(summary = "Revoke admin rights, forget the second factor and end the account's dashboard sessions")
	Account revokeAdmin(@PathVariable UUID id, @RequestBody ReasonRequest request, Caller caller) {
		this.actions.revokeAdmin(caller, id, request.reason());
		return account(id);
	}

	@PostMapping("/{id}/schedule-deletion")
	@Operation(summary = "Schedule the account's deletion (step-up: a fresh TOTP code in 'code')",
			description = "After the account deletion grace period, or at once with immediately=true.")
	Map<String, Object> scheduleDeletion(@PathVariable UUID id, @RequestBody DeletionRequest request, Caller caller) {
		Instant effective = this.actions.scheduleDeletion(caller, id, request.reason(), request.code(),
				Boolean.TRUE.equals(request.immediately()));
		return Map.of("account", account(id), "effectiveAt", effective);
	}

	@PostMapping("/{id}/cancel-deletion")
	@Operation(summary = "Cancel a deletion that has not taken effect yet")
	Account cancelDeletion(@PathVariable UUID id, @RequestBody ReasonRequest request, Caller caller) {
		this.actions.cancelDeletion(caller, id, request.reason());
		return account(id);
	}

	private Account account(UUID id) {
		return this.queries.account(id).orElseThrow(() -> Problems.notFound("No such account."));
	}

	/**
	 * An action's reason, kept in the audit log.
	 *
	 * @param reason why
	 */
	record ReasonRequest(String reason) {

	}

	/**
	 * A destructive action's reason and step-up code.
	 *
	 * @param reason why
	 * @param code a fresh TOTP code
	 */
	record StepUpRequest(String reason, String code) {

	}

	/**
	 * A deletion's reason, step-up code and timing.
	 *
	 * @param reason why
	 * @param code a fresh TOTP code
	 * @param immediately whether it takes effect now rather than after the grace period
	 */
	record DeletionRequest(String reason, String code, Boolean immediately) {

	}

}
