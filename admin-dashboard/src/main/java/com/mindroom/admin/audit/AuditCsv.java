package com.mindroom.admin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit entries as CSV (RFC 4180, Commons CSV). A cell that a spreadsheet would
 * take for a formula is prefixed with an apostrophe, so an export never runs anything.
 */
final class AuditCsv {

	static final String[] HEADER = { "id", "occurred_at", "actor_type", "actor_email", "action", "target_type",
			"target_id", "account_id", "ip", "outcome", "reason", "detail" };

	private AuditCsv() {
	}

	static CSVPrinter printer(Writer out) {
		try {
			return new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void print(CSVPrinter printer, AuditLine line) {
		try {
			printer.printRecord(line.id(), line.occurredAt(), safe(line.actorType()), safe(line.actorEmail()),
					safe(line.action()), safe(line.targetType()), safe(line.targetId()), safe(line.accountId()),
					safe(line.ip()), safe(line.outcome()), safe(line.reason()), safe(line.detail()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String safe(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

}
