package com.mindroom.admin.audit;

import java.util.List;
import java.util.function.Consumer;

import com.mindroom.admin.web.Page;
import com.mindroom.admin.web.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the audit log, newest first: one page at a time, or every matching entry for an
 * export (at most {@link #EXPORT_LIMIT}).
 */
@Component
class AuditQueries {

	static final int EXPORT_LIMIT = 100_000;

	private final JdbcClient jdbc;

	AuditQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Page<AuditLine> list(AuditFilter filter, PageRequest page) {
		var params = filter.parameters();
		long total = this.jdbc.sql("select count(*) from audit_log where " + AuditFilter.WHERE)
			.params(params)
			.query(Long.class)
			.single();
		List<AuditLine> lines = this.jdbc
			.sql("select " + AuditLine.COLUMNS + " from audit_log where " + AuditFilter.WHERE
					+ " order by id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuditLine::read)
			.list();
		return page.of(lines, total);
	}

	void forEach(AuditFilter filter, Consumer<AuditLine> consumer) {
		this.jdbc
			.sql("select " + AuditLine.COLUMNS + " from audit_log where " + AuditFilter.WHERE
					+ " order by id desc limit " + EXPORT_LIMIT)
			.params(filter.parameters())
			.query((rs) -> {
				consumer.accept(AuditLine.read(rs, 0));
			});
	}

}
