package kz.oqytu.reports.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import kz.oqytu.reports.AnnualCoverageReport;
import kz.oqytu.reports.CoverageBreakdowns;

/**
 * The annual report as a PDF: the same Thymeleaf data rendered to XHTML and laid out by
 * OpenHTMLtoPDF with DejaVu Sans, embedded, which has every Kazakh letter (ә ғ қ ң ө ұ ү һ і).
 */
@Component
class CoveragePdf {

	private final SpringTemplateEngine templates;

	private final ApplicationContext context;

	private volatile byte[] regular;

	private volatile byte[] bold;

	CoveragePdf(SpringTemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	byte[] render(AnnualCoverageReport report, CoverageBreakdowns breakdowns, Locale locale) {
		Context variables = new Context(locale);
		variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		variables.setVariable("report", report);
		variables.setVariable("breakdowns", breakdowns);
		Locale previous = LocaleContextHolder.getLocale();
		String html;
		try {
			LocaleContextHolder.setLocale(locale);
			html = templates.process("reports/coverage-pdf", variables);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> new java.io.ByteArrayInputStream(font(false)), "DejaVu Sans", 400,
					PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.useFont(() -> new java.io.ByteArrayInputStream(font(true)), "DejaVu Sans", 700,
					PdfRendererBuilder.FontStyle.NORMAL, true);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] font(boolean isBold) {
		if (isBold && bold == null) {
			bold = read("fonts/DejaVuSans-Bold.ttf");
		}
		if (!isBold && regular == null) {
			regular = read("fonts/DejaVuSans.ttf");
		}
		return isBold ? bold : regular;
	}

	private static byte[] read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
