package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.AnnualCoverageReport;

/**
 * The stamp of the live report's files: approved when an approval is recorded for its region and year
 * and the table's figures are still those approved, else a draft. A separate piece because the
 * approval service itself reads the live report.
 */
@Component
class ReportStamps {

	private final JdbcClient jdbc;

	ReportStamps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ReportStamp forLive(AnnualCoverageReport live) {
		Optional<ReportStamp> stamp = jdbc
			.sql("select approved_on, protocol, approved_by, snapshot::text from report_approval"
					+ " where region_id = :region and year = :year")
			.param("region", live.regionId())
			.param("year", live.year())
			.query((rs, n) -> {
				AnnualCoverageReport approved = ReportApprovalService.JSON
					.readValue(rs.getString("snapshot"), ReportApprovalService.Snapshot.class)
					.report();
				LocalDate on = rs.getObject("approved_on", LocalDate.class);
				boolean same = ReportApprovalService.tableDifferences(approved, live, Locale.ROOT).isEmpty();
				return same ? new ReportStamp(true, on, rs.getString("protocol"), rs.getString("approved_by"))
						: ReportStamp.changedSince(on, rs.getString("protocol"), rs.getString("approved_by"));
			})
			.optional();
		return stamp.orElseGet(ReportStamp::draft);
	}
}
