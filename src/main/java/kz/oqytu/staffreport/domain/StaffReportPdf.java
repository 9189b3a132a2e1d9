package kz.oqytu.staffreport.domain;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.pdf.Templates;
import kz.oqytu.staffreport.StaffReport;

/** The staff report as a PDF: its template laid out by the shared renderer, page numbers at the foot. */
@Component
class StaffReportPdf {

	private final Templates templates;

	private final PdfRenderer pdf;

	StaffReportPdf(Templates templates, PdfRenderer pdf) {
		this.templates = templates;
		this.pdf = pdf;
	}

	byte[] render(StaffReport report, Locale locale) {
		return pdf.render(templates.render("staffreport/report-pdf", locale, Map.of("report", report)));
	}
}
