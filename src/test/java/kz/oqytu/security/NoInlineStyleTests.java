package kz.oqytu.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import kz.oqytu.shared.web.SecurityHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 10 (ASVS V14.4.3): the Content-Security-Policy allows styles only from Oqytu's own
 * stylesheets ({@code style-src 'self'}, no {@code 'unsafe-inline'}), so no template may carry a
 * style attribute, a {@code th:style} or a {@code <style>} block, and none of our scripts may write a
 * style attribute (setting properties through the CSSOM, {@code el.style.width = ...}, is allowed by
 * the policy and is what Bootstrap and Chart.js do). That real pages in Chromium report no violation
 * is {@code browser.ContentSecurityPolicyTests}.
 */
class NoInlineStyleTests {

	/**
	 * Templates rendered only into PDF by OpenHTMLtoPDF on the server ({@code shared.pdf.PdfRenderer}),
	 * never sent to a browser: no Content-Security-Policy applies to them, and the renderer takes its
	 * styles from the document.
	 */
	static final Map<String, String> PDF_ONLY = Map.of(
			"surveys/handout-pdf.html", "the QR handout, rendered to PDF by EventSurveyController",
			"reports/coverage-pdf.html", "the coverage report, rendered to PDF by CoveragePdf",
			"certificates/certificates-pdf.html", "certificates of attendance, rendered to PDF by CertificatePdf",
			"surveys/paper-pdf.html", "the printed paper questionnaire, rendered to PDF by PaperQuestionnaireController",
			"staffreport/report-pdf.html", "the staff report, rendered to PDF by StaffReportPdf");

	@Test
	void thePolicyAllowsNoInlineStyle() {
		String policy = SecurityHeaders.CONTENT_SECURITY_POLICY;
		assertThat(policy).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").contains("style-src 'self';");
	}

	@Test
	void templatesHoldNoStyleAttributesOrStyleBlocks() throws IOException {
		Path root = Path.of("src/main/resources/templates");
		Pattern inline = Pattern.compile("(<style\\b[^>]*>|\\s(?:th:|data-th-)?style\\s*=|th:attr(?:append|prepend)?\\s*=\\s*\"[^\"]*\\bstyle\\s*=)",
				Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		List<String> pdfTemplatesSeen = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				if (PDF_ONLY.containsKey(name)) {
					pdfTemplatesSeen.add(name);
					continue;
				}
				Matcher m = inline.matcher(Files.readString(file));
				while (m.find()) {
					found.add(name + ": " + m.group().trim());
				}
			}
		}
		assertThat(found).as("inline styles in templates").isEmpty();
		assertThat(pdfTemplatesSeen).as("every excluded PDF template exists").containsExactlyInAnyOrderElementsOf(PDF_ONLY.keySet());
	}

	@Test
	void ourScriptsWriteNoStyleAttributes() throws IOException {
		Path root = Path.of("src/main/resources/static/js");
		Pattern writes = Pattern.compile("setAttribute\\(\\s*['\"]style['\"]|cssText|<style|style\\s*=\\s*['\"\\\\]",
				Pattern.CASE_INSENSITIVE);
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
				Matcher m = writes.matcher(Files.readString(file));
				while (m.find()) {
					found.add(root.relativize(file) + ": " + m.group());
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
