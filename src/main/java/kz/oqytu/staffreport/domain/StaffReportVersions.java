package kz.oqytu.staffreport.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import kz.oqytu.staffreport.StaffReport.Block;
import kz.oqytu.staffreport.StaffReport.Kind;
import kz.oqytu.staffreport.StaffReport.Version;

/** The staff report's saved versions and their blocks (tables of V340). */
@Repository
class StaffReportVersions {

	private final JdbcClient jdbc;

	private final Clock clock;

	StaffReportVersions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Versions of a body's report of a year in a language, newest first. */
	List<Version> list(long unitId, int year, String language) {
		return jdbc.sql("""
				select id, number, language, created_by, created_at, approved, approved_report_id
				from staff_report_version
				where unit_id = :unit and report_year = :year and language = :language
				order by number desc""")
			.param("unit", unitId).param("year", year).param("language", language)
			.query((rs, n) -> new Version(rs.getLong("id"), rs.getInt("number"), rs.getString("language"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getBoolean("approved"),
					(Long) rs.getObject("approved_report_id", Long.class), null, null))
			.list();
	}

	List<Block> blocks(long versionId) {
		return jdbc.sql("""
				select block_key, kind, text, reason, link, editable from staff_report_block
				where version_id = :id order by position""")
			.param("id", versionId)
			.query((rs, n) -> new Block(rs.getString("block_key"), Kind.valueOf(rs.getString("kind")), rs.getString("text"),
					rs.getString("reason"), rs.getString("link"), rs.getBoolean("editable")))
			.list();
	}

	/**
	 * Stores the blocks as the next version; the lock on the body's year and language keeps two saves at
	 * once from taking the same number.
	 */
	int save(long unitId, int year, String language, String username, List<Block> blocks) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('staff_report'), hashtext(:k))")
			.param("k", unitId + "/" + year + "/" + language).query().singleRow();
		int number = jdbc.sql("""
				select coalesce(max(number), 0) + 1 from staff_report_version
				where unit_id = :unit and report_year = :year and language = :language""")
			.param("unit", unitId).param("year", year).param("language", language).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into staff_report_version (unit_id, report_year, language, number, created_by, created_at)
				values (:unit, :year, :language, :number, :by, :at) returning id""")
			.param("unit", unitId).param("year", year).param("language", language).param("number", number)
			.param("by", username).param("at", Timestamp.from(Instant.now(clock)))
			.query(Long.class).single();
		int position = 0;
		for (Block b : blocks) {
			jdbc.sql("""
					insert into staff_report_block (version_id, position, block_key, kind, text, reason, link, editable)
					values (:id, :position, :key, :kind, :text, :reason, :link, :editable)""")
				.param("id", id).param("position", position++).param("key", b.key()).param("kind", b.kind().name())
				.param("text", b.text()).param("reason", b.reason()).param("link", b.link()).param("editable", b.editable())
				.update();
		}
		return number;
	}

	void approve(long versionId, long approvedReportId, String username) {
		jdbc.sql("""
				update staff_report_version set approved = true, approved_report_id = :report, approved_by = :by,
				       approved_at = :at
				where id = :id""")
			.param("id", versionId).param("report", approvedReportId).param("by", username)
			.param("at", Timestamp.from(Instant.now(clock))).update();
	}

}
