package kz.oqytu.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.audit.AuditCriteria;
import kz.oqytu.audit.AuditEntry;
import kz.oqytu.audit.AuditTrail;
import java.time.Clock;

@Service
class AuditService implements AuditTrail {


	private final JdbcClient jdbc;

	private final Clock clock;

	AuditService(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<AuditEntry> search(CurrentUser user, AuditCriteria c) {
		if (user.role() != Role.ADMIN) {
			throw new AccessDeniedException("administrators only");
		}
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> p = new HashMap<>();
		if (c.table() != null) {
			where.append(" and table_name = :table");
			p.put("table", c.table());
		}
		if (c.actor() != null) {
			where.append(" and actor = :actor");
			p.put("actor", c.actor());
		}
		if (c.rowKey() != null) {
			where.append(" and row_key = :rowKey");
			p.put("rowKey", c.rowKey());
		}
		if (c.from() != null) {
			where.append(" and at >= :from");
			p.put("from", c.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		if (c.to() != null) {
			where.append(" and at < :to");
			p.put("to", c.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
		}
		long total = jdbc.sql("select count(*) from audit_log" + where).params(p).query(Long.class).single();
		p.put("limit", c.size());
		p.put("offset", (long) c.page() * c.size());
		List<AuditEntry> rows = jdbc.sql("select id, at, actor, table_name, row_key, action, before::text as before,"
				+ " after::text as after from audit_log" + where + " order by id desc limit :limit offset :offset")
			.params(p)
			.query(AuditService::entry)
			.list();
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> since(Instant after, Collection<String> tables, int limit) {
		return jdbc.sql("select id, at, actor, table_name, row_key, action, before::text as before,"
				+ " after::text as after from audit_log"
				+ " where at > :after and table_name = any(:tables) order by id desc limit :limit")
			.param("after", OffsetDateTime.ofInstant(after, clock.getZone()))
			.param("tables", tables.toArray(new String[0]))
			.param("limit", limit)
			.query(AuditService::entry)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public long countSince(Instant after, Collection<String> tables) {
		return jdbc.sql("select count(*) from audit_log where at > :after and table_name = any(:tables)")
			.param("after", OffsetDateTime.ofInstant(after, clock.getZone()))
			.param("tables", tables.toArray(new String[0]))
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> tables() {
		return jdbc.sql("select distinct event_object_table from information_schema.triggers"
				+ " where trigger_name like '%\\_audit' order by 1")
			.query(String.class)
			.list();
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("table_name"), rs.getString("row_key"), rs.getString("action"),
				rs.getString("before"), rs.getString("after"));
	}
}
