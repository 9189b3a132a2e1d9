package kz.oqytu.staffreport.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.reports.AnnualReportPage;
import kz.oqytu.reports.ApprovedReport;
import kz.oqytu.reports.CoverageReports;
import kz.oqytu.reports.ReportApprovals;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.staffreport.StaffReport;
import kz.oqytu.staffreport.StaffReport.Block;
import kz.oqytu.staffreport.StaffReport.Version;
import kz.oqytu.staffreport.StaffReports;

/**
 * Drafts the staff report from the published figures, lays the latest saved texts over the draft,
 * and serves the approved version exactly as it was saved, with the coverage table of the snapshot
 * it was frozen with.
 */
@Service
class StaffReportService implements StaffReports {

	static final int MAX_TEXT = 4000;

	private final CoverageReports reports;

	private final ReportApprovals approvals;

	private final StaffReportFigures figures;

	private final StaffReportDrafter drafter;

	private final StaffReportVersions versions;

	private final StaffReportDocx docx;

	private final StaffReportPdf pdf;

	private final Clock clock;

	private final Organizations organizations;

	StaffReportService(CoverageReports reports, ReportApprovals approvals, StaffReportFigures figures,
			StaffReportDrafter drafter, StaffReportVersions versions, StaffReportDocx docx, StaffReportPdf pdf,
			Clock clock, Organizations organizations) {
		this.organizations = organizations;
		this.reports = reports;
		this.approvals = approvals;
		this.figures = figures;
		this.drafter = drafter;
		this.versions = versions;
		this.docx = docx;
		this.pdf = pdf;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		ReportGuards.staff(user);
		List<Integer> years = new ArrayList<>();
		int newest = defaultYear();
		for (int y = newest; y >= newest - 9; y--) {
			years.add(y);
		}
		return years;
	}

	@Override
	@Transactional(readOnly = true)
	public List<UnitOption> bodies(CurrentUser user) {
		ReportGuards.staff(user);
		if (user.scopePath() == null || user.scopePath().chars().filter(c -> c == '/').count() <= 2) {
			return List.of();
		}
		List<UnitOption> bodies = new ArrayList<>();
		organizations.unit(reports.regionId(user)).ifPresent(bodies::add);
		bodies.addAll(organizations.committees(user));
		return bodies;
	}

	@Override
	public int defaultYear() {
		return LocalDate.now(clock).getYear();
	}

	@Override
	// no read-only transaction: the survey overview refreshes its folds as it reads (decision 38)
	public StaffReport report(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		ReportGuards.staff(user);
		ReportGuards.checkYear(clock, year);
		long unitId = ReportGuards.unitId(reports, user, unit);
		String language = StaffReportDrafter.language(locale);
		Locale reportLocale = Locale.forLanguageTag(language);
		List<Version> saved = versions.list(unitId, year, language);
		Optional<Version> approved = saved.stream().filter(Version::approved).findFirst();
		if (approved.isPresent()) {
			Version v = approved.get();
			ApprovedReport snapshot = approvals.approved(user, Optional.of(unitId), year - 1)
				.filter(a -> a.id() == v.approvedReportId())
				.orElseThrow(() -> new IllegalStateException("approved staff report without its snapshot"));
			List<Block> blocks = versions.blocks(v.id());
			return new StaffReport(unitId, snapshot.report().region(reportLocale), year, language, blocks,
					drafter.table(snapshot.report(), reportLocale), v, true, saved);
		}
		AnnualReportPage page = reports.annualPage(user, Optional.of(unitId), year - 1);
		StaffReportFigures.Figures f = figures.gather(user, unitId, year, page);
		List<Block> blocks = drafter.draft(f, reportLocale);
		Version latest = saved.isEmpty() ? null : saved.get(0);
		if (latest != null) {
			blocks = overlay(blocks, versions.blocks(latest.id()));
		}
		return new StaffReport(unitId, page.report().region(reportLocale), year, language, blocks,
				drafter.table(page.report(), reportLocale), latest, false, saved);
	}

	/** The saved texts of editable blocks over the draft; figures and the draft's structure stay the data's. */
	static List<Block> overlay(List<Block> draft, List<Block> saved) {
		Map<String, Block> byKey = new LinkedHashMap<>();
		saved.forEach(b -> byKey.put(b.key(), b));
		return draft.stream().map(b -> {
			Block s = byKey.get(b.key());
			return b.editable() && s != null ? new Block(b.key(), b.kind(), s.text(), b.reason(), b.link(), true) : b;
		}).toList();
	}

	@Override
	@Transactional
	public int saveVersion(CurrentUser user, Optional<Long> unit, int year, Locale locale, Map<String, String> texts) {
		ReportGuards.writer(user);
		StaffReport current = report(user, unit, year, locale);
		if (current.frozen()) {
			throw new BusinessRuleException("staffreport.error.frozen");
		}
		List<Block> blocks = new ArrayList<>();
		for (Block b : current.blocks()) {
			String text = b.text();
			if (b.editable() && texts.containsKey(b.key())) {
				text = texts.get(b.key()) == null ? "" : texts.get(b.key()).strip();
				if (text.isEmpty()) {
					throw new BusinessRuleException(b.key(), "staffreport.error.empty");
				}
				if (text.length() > MAX_TEXT) {
					throw new BusinessRuleException(b.key(), "staffreport.error.tooLong", MAX_TEXT);
				}
			}
			blocks.add(new Block(b.key(), b.kind(), text, b.reason(), b.link(), b.editable()));
		}
		return versions.save(current.unitId(), year, current.language(), user.username(), blocks);
	}

	@Override
	@Transactional
	public void approve(CurrentUser user, Optional<Long> unit, int year, Locale locale, int versionNumber) {
		ReportGuards.writer(user);
		ReportGuards.checkYear(clock, year);
		long unitId = ReportGuards.unitId(reports, user, unit);
		String language = StaffReportDrafter.language(locale);
		List<Version> saved = versions.list(unitId, year, language);
		if (saved.stream().anyMatch(Version::approved)) {
			throw new BusinessRuleException("staffreport.error.frozen");
		}
		Version v = saved.stream().filter(s -> s.number() == versionNumber).findFirst()
			.orElseThrow(() -> new BusinessRuleException("staffreport.error.noVersion"));
		ApprovedReport snapshot = approvals.approved(user, Optional.of(unitId), year - 1)
			.orElseThrow(() -> new BusinessRuleException("staffreport.error.coverageNotApproved",
					// (Object): two Strings would pick the (field, messageKey, ...) constructor and show "??2025??"
					(Object) String.valueOf(year - 1)));
		versions.approve(v.id(), snapshot.id(), user.username());
	}

	@Override
	// no read-only transaction: the survey overview refreshes its folds as it reads (decision 38)
	public byte[] docx(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		StaffReport report = report(user, unit, year, locale);
		return docx.write(report, Locale.forLanguageTag(report.language()));
	}

	@Override
	// no read-only transaction: the survey overview refreshes its folds as it reads (decision 38)
	public byte[] pdf(CurrentUser user, Optional<Long> unit, int year, Locale locale) {
		StaffReport report = report(user, unit, year, locale);
		return pdf.render(report, Locale.forLanguageTag(report.language()));
	}




}
