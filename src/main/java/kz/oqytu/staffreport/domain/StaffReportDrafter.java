package kz.oqytu.staffreport.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.plans.PlanSummary;
import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.BudgetFigure;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.reports.YearFigures;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.Percent;
import kz.oqytu.staffreport.StaffReport.Block;
import kz.oqytu.staffreport.StaffReport.Kind;
import kz.oqytu.staffreport.StaffReport.Table;
import kz.oqytu.surveys.ScoreLine;

/**
 * Writes the staff report's paragraphs in the source report's order and wording (message keys
 * {@code staffreport.doc.*}), every figure taken from {@link StaffReportFigures.Figures} and printed
 * as the union prints it; drafts the findings, each with its reason and the address of its figures.
 */
@Component
class StaffReportDrafter {

	/** Names listed in one finding before "and N more". */
	static final int LISTED = 10;

	private final MessageSource messages;

	StaffReportDrafter(MessageSource messages) {
		this.messages = messages;
	}

	/** The report's language: Russian, English, or Kazakh for anything else. */
	static String language(Locale locale) {
		String l = locale == null ? "kk" : locale.getLanguage();
		return "ru".equals(l) || "en".equals(l) ? l : "kk";
	}

	List<Block> draft(StaffReportFigures.Figures f, Locale loc) {
		AnnualCoverageReport report = f.page().report();
		CoverageBreakdowns b = f.page().breakdowns();
		YearFigures prev = report.previous();
		YearFigures cur = report.current();
		int t = f.trainingYear();
		int r = f.reportYear();
		List<Block> out = new ArrayList<>();
		String unit = report.region(loc);
		String level = f.level() == null ? null : f.level().name();
		if ("kk".equals(language(loc))) {
			out.add(fixed("title", Kind.TITLE, byLevel(loc, "staffreport.doc.title", level, unit)));
			out.add(fixed("title_word", Kind.TITLE, msg(loc, "staffreport.doc.titleWord")));
		}
		else {
			out.add(fixed("title_word", Kind.TITLE, msg(loc, "staffreport.doc.titleWord")));
			out.add(fixed("title", Kind.TITLE, byLevel(loc, "staffreport.doc.title", level, unit)));
		}

		heading(out, loc, 1);
		out.add(narrative("s1_purpose", Kind.TEXT, byLevel(loc, "staffreport.doc.s1.purpose", level)));

		out.add(fixed("s2_heading", Kind.HEADING, "2. " + byLevel(loc, "staffreport.doc.s2.heading", level)));
		out.add(fixed("s2_figures", Kind.TEXT, byLevel(loc, "staffreport.doc.s2.figures", level, String.valueOf(r),
				count(f.totals().organizations(), loc), cur.hasMembers() ? count(cur.members(), loc) : msg(loc, "reports.noData"))));

		heading(out, loc, 3);
		out.add(fixed("s3_intro", Kind.INTRO, msg(loc, "staffreport.doc.s3.intro")));
		out.add(narrative("s3_concept", Kind.BULLET, msg(loc, "staffreport.doc.s3.concept")));
		out.add(narrative("s3_instruction", Kind.BULLET, msg(loc, "staffreport.doc.s3.instruction")));
		out.add(fixed("s3_plans", Kind.BULLET, plans(f, loc)));
		out.add(narrative("s3_cabinet", Kind.TEXT, byLevel(loc, "staffreport.doc.s3.cabinet", level)));
		out.add(narrative("s3_files", Kind.TEXT, msg(loc, "staffreport.doc.s3.files")));
		out.add(narrative("s3_responsible", Kind.TEXT, byLevel(loc, "staffreport.doc.s3.responsible", level)));

		heading(out, loc, 4);
		out.add(narrative("s4_practice", Kind.TEXT, msg(loc, "staffreport.doc.s4.practice")));
		out.add(fixed("s4_forms_intro", Kind.INTRO, msg(loc, "staffreport.doc.s4.formsIntro", String.valueOf(t))));
		for (Breakdown form : b.byForm()) {
			if (form.events() > 0) {
				out.add(fixed("s4_form_" + form.key(), Kind.BULLET, msg(loc, "staffreport.doc.s4.form", form.name(loc),
						count(form.events(), loc), count(form.participants(), loc))));
			}
		}
		out.add(fixed("s4_formats", Kind.TEXT, msg(loc, "staffreport.doc.s4.formats", String.valueOf(t),
				count(b.shortFormats().events(), loc), count(b.shortFormats().participants(), loc),
				count(b.longerFormats().events(), loc), count(b.longerFormats().participants(), loc))));
		out.add(narrative("s4_planning", Kind.TEXT, msg(loc, "staffreport.doc.s4.planning")));
		out.add(narrative("s4_surveys_intro", Kind.TEXT, msg(loc, "staffreport.doc.s4.surveysIntro")));
		surveys(out, f, cur, loc);
		StaffReportFigures.Totals tot = f.totals();
		out.add(fixed("s4_interviews", Kind.TEXT, msg(loc, "staffreport.doc.s4.interviews", String.valueOf(t),
				count(tot.interviews(), loc), count(tot.organizationsInterviewed(), loc))));
		out.add(fixed("s4_materials", Kind.TEXT, msg(loc, "staffreport.doc.s4.materials", count(tot.materialsSent(), loc),
				count(tot.organizationsReached(), loc), count(tot.materialsAcknowledged(), loc))));
		out.add(narrative("s4_yearly", Kind.TEXT, msg(loc, "staffreport.doc.s4.yearly")));

		heading(out, loc, 5);
		out.add(fixed("s5_events_previous", Kind.TEXT, msg(loc, "staffreport.doc.s5.eventsPrevious",
				String.valueOf(prev.trainingYear()), count(prev.trained(), loc), count(prev.events(), loc))));
		out.add(fixed("s5_events_current", Kind.TEXT, msg(loc, "staffreport.doc.s5.eventsCurrent",
				String.valueOf(cur.trainingYear()), count(cur.events(), loc), count(cur.trained(), loc))));
		out.add(fixed("s5_table_intro", Kind.INTRO, msg(loc, "staffreport.doc.s5.tableIntro")));
		out.add(fixed("s5_table", Kind.TABLE, ""));

		heading(out, loc, 6);
		budget(out, f.page().budget(), loc);

		heading(out, loc, 7);
		out.add(fixed("s7_positive_intro", Kind.INTRO, msg(loc, "staffreport.doc.s7.positiveIntro")));
		for (int i = 1; i <= 4; i++) {
			out.add(narrative("s7_positive" + i, Kind.BULLET, msg(loc, "staffreport.doc.s7.positive" + i)));
		}
		out.add(fixed("s7_problems_intro", Kind.INTRO, msg(loc, "staffreport.doc.s7.problemsIntro")));
		for (int i = 1; i <= 3; i++) {
			out.add(narrative("s7_problem" + i, Kind.BULLET, msg(loc, "staffreport.doc.s7.problem" + i)));
		}
		findings(out, f, loc);

		heading(out, loc, 8);
		for (int i = 1; i <= 3; i++) {
			out.add(narrative("s8_proposal" + i, Kind.TEXT, msg(loc, "staffreport.doc.s8.proposal" + i)));
		}
		out.add(narrative("signature", Kind.SIGNATURE, msg(loc, "staffreport.doc.signature")));
		return out;
	}

	/** The union's table: members, trained and each category for 01.01.Y and 01.01.Y+1, the share, and the change. */
	Table table(AnnualCoverageReport report, Locale loc) {
		YearFigures p = report.previous();
		YearFigures c = report.current();
		List<String> header = List.of("№", msg(loc, "staffreport.doc.table.indicator"),
				msg(loc, "staffreport.doc.table.asOf", NumberFormats.date(p.membershipDate())),
				msg(loc, "staffreport.doc.table.asOf", NumberFormats.date(c.membershipDate())),
				msg(loc, "staffreport.doc.table.change"));
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("1.", msg(loc, "staffreport.doc.table.members"), members(p, loc), members(c, loc),
				signed(report.membersChange(), loc)));
		rows.add(List.of("2.", msg(loc, "staffreport.doc.table.trained"), count(p.trained(), loc), count(c.trained(), loc),
				signed(report.trainedChange(), loc)));
		int n = 3;
		for (CategoryFigure cat : c.categories()) {
			rows.add(List.of(n++ + ".", cat.name(loc), count(p.category(cat.code()), loc), count(cat.participants(), loc),
					signed(report.categoryChange(cat.code()), loc)));
		}
		BigDecimal points = report.coverageChange();
		rows.add(List.of(n + ".", msg(loc, "staffreport.doc.table.share"), percent(p.coverageOrNull(), loc),
				percent(c.coverageOrNull(), loc), points == null ? "—" : signedPoints(points, loc)));
		return new Table(header, rows);
	}

	private void heading(List<Block> out, Locale loc, int n) {
		out.add(fixed("s" + n + "_heading", Kind.HEADING, n + ". " + msg(loc, "staffreport.doc.s" + n + ".heading")));
	}

	private String plans(StaffReportFigures.Figures f, Locale loc) {
		List<PlanSummary> approved = new ArrayList<>();
		f.previousPlan().filter(p -> p.plan().approved()).ifPresent(approved::add);
		f.currentPlan().filter(p -> p.plan().approved()).ifPresent(approved::add);
		if (approved.isEmpty()) {
			return msg(loc, "staffreport.doc.s3.plansNone");
		}
		String and = " " + msg(loc, "staffreport.doc.and") + " ";
		String dates = approved.stream().map(p -> NumberFormats.date(p.plan().approvedOn())).collect(Collectors.joining(and));
		String years = approved.stream().map(p -> String.valueOf(p.year())).collect(Collectors.joining(", "));
		return msg(loc, approved.size() == 1 ? "staffreport.doc.s3.plansOne" : "staffreport.doc.s3.plansMany", dates, years);
	}

	private void surveys(List<Block> out, StaffReportFigures.Figures f, YearFigures cur, Locale loc) {
		ScoreLine total = f.surveys().total();
		String t = String.valueOf(f.trainingYear());
		if (total == null || total.responses() == 0) {
			out.add(fixed("s4_surveys", Kind.TEXT, msg(loc, "staffreport.doc.s4.surveysNone", t)));
			return;
		}
		out.add(fixed("s4_surveys", Kind.TEXT, msg(loc, "staffreport.doc.s4.surveys", t, count(total.responses(), loc),
				percent(Percent.of(total.responses(), cur.trained()).orElse(null), loc), score(total.usefulness(), loc),
				score(total.applicability(), loc), total.followUps() == 0 ? "—" : percent(total.appliedShare(), loc))));
		ScoreLine s = f.surveys().shortFormats();
		ScoreLine l = f.surveys().longerFormats();
		if (s != null && l != null && s.responses() > 0 && l.responses() > 0) {
			out.add(fixed("s4_survey_formats", Kind.TEXT, msg(loc, "staffreport.doc.s4.surveyFormats",
					score(s.usefulness(), loc), score(s.applicability(), loc), score(l.usefulness(), loc),
					score(l.applicability(), loc))));
		}
	}

	private void budget(List<Block> out, List<BudgetFigure> budget, Locale loc) {
		String norm = budget.stream().filter(x -> x.norm() != null).findFirst()
			.map(x -> NumberFormats.percentCompact(x.norm().share(), loc)).orElse("10%");
		out.add(fixed("s6_norm", Kind.TEXT, msg(loc, "staffreport.doc.s6.norm", norm)));
		List<BudgetFigure> known = budget.stream().filter(BudgetFigure::hasData).toList();
		if (known.isEmpty()) {
			out.add(fixed("s6_share", Kind.TEXT, msg(loc, "staffreport.doc.s6.shareNone")));
			return;
		}
		String shares = known.stream()
			.map(x -> msg(loc, "staffreport.doc.s6.shareYear", String.valueOf(x.year()),
					NumberFormats.percentCompact(x.share().share(), loc)))
			.collect(Collectors.joining(", "));
		BudgetFigure last = known.get(known.size() - 1);
		String conclusion;
		if (last.share().below()) {
			conclusion = "staffreport.doc.s6.below";
		}
		else if (known.size() > 1 && known.get(0).share().share().compareTo(last.share().share()) < 0) {
			conclusion = "staffreport.doc.s6.raisedToNorm";
		}
		else {
			conclusion = "staffreport.doc.s6.meets";
		}
		out.add(fixed("s6_share", Kind.TEXT, msg(loc, "staffreport.doc.s6.share", shares, msg(loc, conclusion))));
	}

	private void findings(List<Block> out, StaffReportFigures.Figures f, Locale loc) {
		AnnualCoverageReport report = f.page().report();
		CoverageBreakdowns b = f.page().breakdowns();
		YearFigures cur = report.current();
		int t = f.trainingYear();
		String coverageLink = "/reports/coverage?year=" + t + "&region=" + report.regionId();
		Optional<Percent> regionCoverage = cur.coverage();
		if (f.district()) {
			regionCoverage.ifPresent(c -> organizationsBelow(out, f, c, loc));
		}
		else if (regionCoverage.isPresent()) {
			List<Breakdown> below = b.byDistrict().stream()
				.filter(d -> d.coverage() != null && d.coverage().compareTo(regionCoverage.get()) < 0)
				.toList();
			if (!below.isEmpty()) {
				String list = listed(below.stream().map(d -> d.name(loc) + " – " + percent(d.coverage(), loc)).toList(), loc);
				out.add(finding("f_districts", msg(loc, "staffreport.doc.f.districts", percent(regionCoverage.get(), loc), list),
						msg(loc, "staffreport.doc.f.districtsReason", String.valueOf(t)), coverageLink));
			}
		}
		List<MonitoringRow> two = f.notTrainedTwoYears();
		if (!two.isEmpty()) {
			String list = listed(two.stream().map(o -> o.name(loc)).toList(), loc);
			out.add(finding("f_two_years", msg(loc, "staffreport.doc.f.twoYears", count(two.size(), loc),
					String.valueOf(t - 1), String.valueOf(t), list), msg(loc, "staffreport.doc.f.twoYearsReason"),
					"/reports/monitoring?year=" + t + "&show=NOT_TRAINED"));
		}
		// the organizations of the 01.01 membership snapshot, as in section 2
		long organizations = f.totals().organizations();
		if (organizations > 0 && cur.recorded()) {
			for (CategoryFigure cat : cur.categories()) {
				if (cat.participants() < organizations) {
					out.add(finding("f_category_" + cat.code(), msg(loc, "staffreport.doc.f.category", cat.name(loc),
							count(cat.participants(), loc), count(organizations, loc)),
							msg(loc, "staffreport.doc.f.categoryReason", String.valueOf(t)), coverageLink));
				}
			}
		}
		ScoreLine s = f.surveys().shortFormats();
		ScoreLine l = f.surveys().longerFormats();
		if (s != null && l != null && s.applicability() != null && l.applicability() != null
				&& s.applicability().compareTo(l.applicability()) < 0) {
			out.add(finding("f_short_formats", msg(loc, "staffreport.doc.f.shortFormats", score(s.applicability(), loc),
					score(l.applicability(), loc), score(l.applicability().subtract(s.applicability()), loc)),
					msg(loc, "staffreport.doc.f.shortFormatsReason", String.valueOf(t), count(s.responses(), loc),
							count(l.responses(), loc)),
					"/surveys/results?year=" + t));
		}
		if (!f.topicsNotPlanned().isEmpty()) {
			String list = listed(f.topicsNotPlanned().stream()
				.map(a -> msg(loc, "staffreport.doc.f.topic", LocalizedText.pick(loc, a[1], a[2]), a[3], a[4])).toList(), loc);
			out.add(finding("f_topics", msg(loc, "staffreport.doc.f.topics", String.valueOf(f.reportYear()), list),
					msg(loc, "staffreport.doc.f.topicsReason", String.valueOf(f.reportYear()), String.valueOf(t)),
					"/requests/demand?year=" + f.reportYear()));
		}
		for (BudgetFigure x : f.page().budget()) {
			if (x.hasData() && x.share().below()) {
				out.add(finding("f_budget_" + x.year(), msg(loc, "staffreport.doc.f.budget", String.valueOf(x.year()),
						NumberFormats.percentCompact(x.share().share(), loc), NumberFormats.percentCompact(x.share().norm(), loc)),
						msg(loc, "staffreport.doc.f.budgetReason", NumberFormats.percentCompact(x.share().norm(), loc),
								x.share().shortfallPoints() == null ? "—"
										: NumberFormats.percentCompact(x.share().shortfallPoints(), loc)),
						"/budget?year=" + x.year()));
			}
		}
	}

	/**
	 * A district's report: its primary organizations whose own coverage (people credited to them over
	 * their members, as monitoring counts them) is below the district's, lowest first; only those whose
	 * attendance is recorded in full (as the finding of two years without training).
	 */
	private void organizationsBelow(List<Block> out, StaffReportFigures.Figures f, Percent districtCoverage, Locale loc) {
		List<Below> below = below(f.organizations(), districtCoverage, loc);
		if (below.isEmpty()) {
			return;
		}
		int t = f.trainingYear();
		String list = listed(below.stream().map(b -> b.row().name(loc) + " – " + percent(b.coverage(), loc)).toList(), loc);
		out.add(finding("f_organizations", msg(loc, "staffreport.doc.f.organizations", percent(districtCoverage, loc),
				count(below.size(), loc), list), msg(loc, "staffreport.doc.f.organizationsReason", String.valueOf(t)),
				"/reports/monitoring?year=" + t + "&district=" + f.page().report().regionId()));
	}

	record Below(MonitoringRow row, Percent coverage) {
	}

	/**
	 * The organizations with members whose attendance is recorded in full (an organization whose people
	 * are not all recorded by name or count is not known to be below) and whose coverage is below
	 * {@code coverage}: lowest first, then by name.
	 */
	static List<Below> below(List<MonitoringRow> rows, Percent coverage, Locale loc) {
		return rows.stream()
			.filter(o -> o.members() != null && o.members() > 0 && o.recording().known())
			.map(o -> new Below(o, Percent.of(o.trained(), o.members()).orElse(null)))
			.filter(b -> b.coverage() != null && b.coverage().compareTo(coverage) < 0)
			.sorted(java.util.Comparator.comparing(Below::coverage).thenComparing(b -> b.row().name(loc)))
			.toList();
	}

	/** The text of the body's level ({@code key.COMMITTEE}, {@code key.NATIONAL}) where it has one, else the region's. */
	private String byLevel(Locale loc, String key, String level, Object... args) {
		String own = level == null ? null : messages.getMessage(key + "." + level, args, null, loc);
		return own != null ? own : msg(loc, key, args);
	}

	private String listed(List<String> names, Locale loc) {
		String shown = String.join("; ", names.subList(0, Math.min(LISTED, names.size())));
		return names.size() > LISTED ? shown + " " + msg(loc, "staffreport.doc.andMore", count(names.size() - LISTED, loc))
				: shown;
	}

	private static Block fixed(String key, Kind kind, String text) {
		return new Block(key, kind, text, null, null, false);
	}

	private static Block narrative(String key, Kind kind, String text) {
		return new Block(key, kind, text, null, null, true);
	}

	private static Block finding(String key, String text, String reason, String link) {
		return new Block(key, Kind.FINDING, text, reason, link, true);
	}

	private String members(YearFigures y, Locale loc) {
		return y.hasMembers() ? count(y.members(), loc) : msg(loc, "reports.noData");
	}

	private static String count(long value, Locale loc) {
		return NumberFormats.count(value, loc);
	}

	private static String percent(Percent p, Locale loc) {
		return p == null ? "—" : NumberFormats.percent(p, loc);
	}

	private static String score(BigDecimal value, Locale loc) {
		return value == null ? "—" : NumberFormats.oneDecimal(value, loc);
	}

	private static String signed(Long change, Locale loc) {
		if (change == null) {
			return "—";
		}
		return (change > 0 ? "+" : change < 0 ? "−" : "") + NumberFormats.count(Math.abs(change), loc);
	}

	private String signedPoints(BigDecimal points, Locale loc) {
		String sign = points.signum() > 0 ? "+" : points.signum() < 0 ? "−" : "";
		return sign + NumberFormats.oneDecimal(points.abs(), loc) + " " + msg(loc, "staffreport.doc.table.points");
	}

	private String msg(Locale loc, String key, Object... args) {
		return messages.getMessage(key, args, loc);
	}
}
