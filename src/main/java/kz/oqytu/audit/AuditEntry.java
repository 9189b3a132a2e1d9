package kz.oqytu.audit;

import java.time.Instant;

/** One recorded change. {@code before} and {@code after} are the row as JSON (null for insert/delete). */
public record AuditEntry(long id, Instant at, String actor, String table, String rowKey, String action,
		String before, String after) {
}
