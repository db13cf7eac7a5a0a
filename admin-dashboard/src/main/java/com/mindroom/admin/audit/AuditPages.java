package com.mindroom.admin.audit;

import jakarta.servlet.http.HttpServletRequest;

import jakarta.servlet.http.HttpServletResponse;

import com.mindroom.admin.access.Caller;
import com.mindroom.admin.web.AdminPage;
import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;
import com.mindroom.admin.web.Pager;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page with its filters, and the CSV export of what the filters select.
 */
@Controller
@AdminPage
class AuditPages {

	private final AuditQueries queries;

	private final AuditExport export;

	AuditPages(AuditQueries queries, AuditExport export) {
		this.queries = queries;
		this.export = export;
	}

	@GetMapping("/admin/audit")
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, Model model, HttpServletRequest request) {
		Page<AuditLine> entries = this.queries.list(filter, PageRequest.of(page, size));
		model.addAttribute("entries", entries);
		model.addAttribute("pager", Pager.of(entries, request));
		model.addAttribute("outcomes", AuditFilter.OUTCOMES.stream().sorted().toList());
		return "audit/list";
	}

	@GetMapping("/admin/audit/export.csv")
	void exportCsv(AuditFilter filter, Caller caller, HttpServletResponse response) {
		this.export.write(caller, filter, response);
	}

}
