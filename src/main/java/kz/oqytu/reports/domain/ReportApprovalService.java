package kz.oqytu.reports.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.ApprovedReport;
import kz.oqytu.reports.BudgetFigure;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.ReportApprovals;
import kz.oqytu.reports.ReportDifference;
import kz.oqytu.reports.YearFigures;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.NumberFormats;
import java.time.Clock;

/**
 * Approved reports are kept as JSON of the very records the live report is made of, so the approved
 * version renders through the same templates, workbook and PDF code and reproduces identically.
 */
@Service
class ReportApprovalService implements ReportApprovals {

	/** The frozen content. */
	record Snapshot(AnnualCoverageReport report, CoverageBreakdowns breakdowns, List<BudgetFigure> budget) {
	}

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final CoverageReports reports;

	private final JdbcClient jdbc;

	private final CoverageWorkbook workbook;

	private final CoveragePdf pdf;

	private final Clock clock;

	private final org.springframework.context.MessageSource messages;

	private final kz.oqytu.organizations.Organizations organizations;

	ReportApprovalService(CoverageReports reports, JdbcClient jdbc, CoverageWorkbook workbook, CoveragePdf pdf, Clock clock,
			org.springframework.context.MessageSource messages, kz.oqytu.organizations.Organizations organizations) {
		this.organizations = organizations;
		this.clock = clock;
		this.messages = messages;
		this.reports = reports;
		this.jdbc = jdbc;
		this.workbook = workbook;
		this.pdf = pdf;
	}

	@Override
	// no transaction of its own: a refused region inside one would mark it rollback-only
	public boolean mayApprove(CurrentUser user, Optional<Long> region) {
		if (!user.isStaff()) {
			return false;
		}
		long id;
		try {
			id = region.isEmpty() ? reports.regionId(user) : reports.regionId(user, region.get());
		}
		catch (AccessDeniedException | kz.oqytu.shared.NotFoundException ex) {
			return false;
		}
		boolean national = organizations.info(id).map(u -> u.level() == kz.oqytu.organizations.UnitLevel.NATIONAL)
			.orElse(false);
		if (national) {
			// the national report: the national office, or an administrator at the root
			return user.covers(organizations.info(id).get().path())
					&& (user.is(kz.oqytu.accounts.Role.NATIONAL_OFFICER) || user.is(kz.oqytu.accounts.Role.ADMIN));
		}
		// a regional report stays the region's: recorded by its methodologist or an administrator
		return user.writesTraining();
	}

	@Override
	@Transactional
	public ApprovedReport approve(CurrentUser user, Optional<Long> region, int year, LocalDate approvedOn, String protocol,
			String approvedBy) {
		if (!mayApprove(user, region)) {
			throw new AccessDeniedException("this account does not record the approval of this report");
		}
		if (approvedOn == null || approvedOn.isAfter(LocalDate.now(clock)) || approvedOn.getYear() < year) {
			throw new BusinessRuleException("approvedOn", "reports.approval.error.date");
		}
		if (protocol == null || protocol.isBlank() || protocol.length() > 100) {
			throw new BusinessRuleException("protocol", "reports.approval.error.protocol");
		}
		if (approvedBy == null || approvedBy.isBlank() || approvedBy.length() > 300) {
			throw new BusinessRuleException("approvedBy", "reports.approval.error.approvedBy");
		}
		kz.oqytu.reports.AnnualReportPage page = reports.annualPage(user, region, year);
		AnnualCoverageReport report = page.report();
		Snapshot snapshot = new Snapshot(report, page.breakdowns(), page.budget());
		try {
			jdbc.sql("""
					insert into report_approval (region_id, year, approved_on, protocol, approved_by, recorded_by, snapshot)
					values (:region, :year, :on, :protocol, :by, :recorder, cast(:snapshot as jsonb))
					""")
				.param("region", report.regionId())
				.param("year", year)
				.param("on", approvedOn)
				.param("protocol", protocol.trim())
				.param("by", approvedBy.trim())
				.param("recorder", user.username())
				.param("snapshot", JSON.writeValueAsString(snapshot))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new BusinessRuleException("reports.approval.error.already");
		}
		return approved(user, region, year).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ApprovedReport> approved(CurrentUser user, Optional<Long> regionId, int year) {
		// the region's id only: computing the whole report for it doubled the report page's time
		long region = regionId.isEmpty() ? reports.regionId(user) : reports.regionId(user, regionId.get());
		return jdbc.sql("select id, approved_on, protocol, approved_by, recorded_by, snapshot::text as snapshot, recorded_at"
				+ " from report_approval"
				+ " where region_id = :region and year = :year")
			.param("region", region)
			.param("year", year)
			.query((rs, n) -> {
				Snapshot s = JSON.readValue(rs.getString("snapshot"), Snapshot.class);
				return new ApprovedReport(rs.getLong("id"), year, rs.getObject("approved_on", LocalDate.class),
						rs.getString("protocol"), rs.getString("approved_by"), rs.getString("recorded_by"),
						rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
						s.report(), s.breakdowns(), s.budget());
			})
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReportDifference> differences(CurrentUser user, Optional<Long> region, int year, Locale locale) {
		Optional<ApprovedReport> approved = approved(user, region, year);
		if (approved.isEmpty()) {
			return List.of();
		}
		return tableDifferences(approved.get().report(), reports.annual(user, region, year), locale,
				messages.getMessage("reports.noData", null, "—", locale));
	}

	/** The table's figures that differ between two versions of a report, as printed. */
	static List<ReportDifference> tableDifferences(AnnualCoverageReport then, AnnualCoverageReport now, Locale locale) {
		return tableDifferences(then, now, locale, "—");
	}

	/** As {@link #tableDifferences(AnnualCoverageReport, AnnualCoverageReport, Locale)}, "no data" worded. */
	static List<ReportDifference> tableDifferences(AnnualCoverageReport then, AnnualCoverageReport now, Locale locale,
			String noData) {
		List<ReportDifference> differences = new ArrayList<>();
		compare(differences, then.previous(), now.previous(), locale, noData);
		compare(differences, then.current(), now.current(), locale, noData);
		return differences;
	}

	private static void compare(List<ReportDifference> out, YearFigures then, YearFigures now, Locale locale,
			String noData) {
		String column = NumberFormats.date(now.membershipDate());
		// a missing snapshot reads "no data" on both sides, as the table prints it, never 0
		String membersThen = then.hasMembers() ? NumberFormats.count(then.members(), locale) : noData;
		String membersNow = now.hasMembers() ? NumberFormats.count(now.members(), locale) : noData;
		if (!membersThen.equals(membersNow)) {
			out.add(new ReportDifference("members", column, membersThen, membersNow));
		}
		count(out, "trained", column, then.trained(), now.trained(), locale);
		for (CategoryFigure category : now.categories()) {
			count(out, category.code(), column, then.category(category.code()), category.participants(), locale);
		}
		String shareThen = then.coverageOrNull() == null ? noData : NumberFormats.percent(then.coverageOrNull(), locale);
		String shareNow = now.coverageOrNull() == null ? noData : NumberFormats.percent(now.coverageOrNull(), locale);
		if (!shareThen.equals(shareNow)) {
			out.add(new ReportDifference("share", column, shareThen, shareNow));
		}
		count(out, "events", column, then.events(), now.events(), locale);
	}

	private static void count(List<ReportDifference> out, String row, String column, long then, long now, Locale locale) {
		if (then != now) {
			out.add(new ReportDifference(row, column, NumberFormats.count(then, locale), NumberFormats.count(now, locale)));
		}
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] approvedWorkbook(CurrentUser user, Optional<Long> region, int year, Locale locale) {
		ApprovedReport a = approved(user, region, year).orElseThrow(() -> new kz.oqytu.shared.NotFoundException("approval"));
		return workbook.write(a.report(), a.breakdowns(), a.budget(), ReportStamp.approvedAs(a), locale);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] approvedPdf(CurrentUser user, Optional<Long> region, int year, Locale locale) {
		ApprovedReport a = approved(user, region, year).orElseThrow(() -> new kz.oqytu.shared.NotFoundException("approval"));
		return pdf.render(a.report(), a.breakdowns(), a.budget(), ReportStamp.approvedAs(a), locale);
	}
}
