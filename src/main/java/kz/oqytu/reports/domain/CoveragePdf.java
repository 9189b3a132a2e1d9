package kz.oqytu.reports.domain;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.pdf.Templates;

/**
 * The annual report as a PDF: the report template rendered to XHTML, laid out with DejaVu Sans; its
 * stamp (approved: by, date, protocol; or draft) under the title and at the top of every page, the
 * time it was made at the foot of every page.
 */
@Component
class CoveragePdf {

	private final Templates templates;

	private final PdfRenderer pdf;

	private final MessageSource messages;

	CoveragePdf(Templates templates, PdfRenderer pdf, MessageSource messages) {
		this.templates = templates;
		this.pdf = pdf;
		this.messages = messages;
	}

	byte[] render(AnnualCoverageReport report, CoverageBreakdowns breakdowns,
			java.util.List<kz.oqytu.reports.BudgetFigure> budget, ReportStamp stamp, Locale locale) {
		return pdf.render(templates.render("reports/coverage-pdf", locale,
				Map.of("report", report, "breakdowns", breakdowns, "budgetShares", budget, "stampApproved",
						stamp.approved(), "stampText", stamp.text(messages, locale), "stampMark",
						stamp.pageMark(messages, locale))));
	}
}
