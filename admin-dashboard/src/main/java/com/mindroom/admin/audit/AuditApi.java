package com.mindroom.admin.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log as JSON and as CSV.
 */
@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Audit log", description = "The append-only audit log, filtered; CSV export")
class AuditApi {

	private final AuditQueries queries;

	private final AuditExport export;

	AuditApi(AuditQueries queries, AuditExport export) {
		this.queries = queries;
		this.export = export;
	}

	@GetMapping
	@Operation(summary = "Audit entries, newest first",
			description = "action: exact or a prefix (instance); actor: part of an email; account: an account id; "
					+ "outcome: success, denied or failure; target: a target id; from/to: days YYYY-MM-DD (UTC, inclusive).")
	Page<AuditLine> list(@ParameterObject AuditFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.queries.list(filter, PageRequest.of(page, size));
	}

	@GetMapping(path = "/export", produces = "text/csv")
	@Operation(summary = "The filtered audit log as CSV (at most 100,000 entries); the export is audited")
	void export(@ParameterObject AuditFilter filter, Caller caller, HttpServletResponse response) {
		this.export.write(caller, filter, response);
	}

}
