package com.mindroom.admin.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVPrinter;

import com.mindroom.admin.access.Caller;
import com.mindroom.common.audit.AuditLog;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams the filtered audit log as a CSV download; the export itself is audited.
 */
@Component
class AuditExport {

	private final AuditQueries queries;

	private final AuditLog audit;

	private final Clock clock;

	AuditExport(AuditQueries queries, AuditLog audit, Clock clock) {
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	void write(Caller caller, AuditFilter filter, HttpServletResponse response) {
		filter.parameters();
		this.audit.record(
				caller.audit("audit.exported").withTarget("audit_log", "csv").withDetail("filter", filter.toString()));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log-"
				+ LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC) + ".csv\"");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
				CSVPrinter printer = AuditCsv.printer(out)) {
			this.queries.forEach(filter, (line) -> AuditCsv.print(printer, line));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
