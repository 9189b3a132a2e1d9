package kz.oqytu.audit;

import java.time.LocalDate;

/** Filters of the audit log page. */
public record AuditCriteria(String table, String actor, String rowKey, LocalDate from, LocalDate to, int page,
		int size) {

	public AuditCriteria {
		table = table == null || table.isBlank() ? null : table.trim();
		actor = actor == null || actor.isBlank() ? null : actor.trim();
		rowKey = rowKey == null || rowKey.isBlank() ? null : rowKey.trim();
		page = Math.max(page, 0);
		size = size <= 0 ? 50 : Math.min(size, 200);
	}
}
