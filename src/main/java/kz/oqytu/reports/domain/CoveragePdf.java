package kz.oqytu.reports.domain;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.CoverageBreakdowns;
import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.pdf.Templates;

/** The annual report as a PDF: the report template rendered to XHTML, laid out with DejaVu Sans. */
@Component
class CoveragePdf {

	private final Templates templates;

	private final PdfRenderer pdf;

	CoveragePdf(Templates templates, PdfRenderer pdf) {
		this.templates = templates;
		this.pdf = pdf;
	}

	byte[] render(AnnualCoverageReport report, CoverageBreakdowns breakdowns,
			java.util.List<kz.oqytu.reports.BudgetFigure> budget, Locale locale) {
		return pdf.render(templates.render("reports/coverage-pdf", locale,
				Map.of("report", report, "breakdowns", breakdowns, "budgetShares", budget)));
	}
}
