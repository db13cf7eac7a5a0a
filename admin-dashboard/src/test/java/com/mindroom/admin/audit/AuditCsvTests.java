package com.mindroom.admin.audit;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV export quotes what needs quoting and never hands a spreadsheet a formula.
 */
class AuditCsvTests {

	@Test
	void writesAHeaderAndQuotedRowsWithFormulasDefused() throws Exception {
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = AuditCsv.printer(out)) {
			AuditCsv.print(printer,
					new AuditLine(7, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), "admin",
							"ops@example.com", "account.suspend", "account", "a1", "a1", "203.0.113.7",
							"=HYPERLINK(\"x\")", "success", "{\"a\":1}"));
		}
		String csv = out.toString();
		assertThat(csv).startsWith(String.join(",", AuditCsv.HEADER) + "\r\n");
		assertThat(csv).contains("7,2026-01-02T03:04:05Z,admin,ops@example.com,account.suspend")
			.contains("\"'=HYPERLINK(\"\"x\"\")\"")
			.contains("\"{\"\"a\"\":1}\"");
	}

}
