package kz.oqytu.certificates.domain;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.pdf.Templates;
import kz.oqytu.surveys.QrCodes;

/**
 * Certificates as one PDF, a page each, every page in its own language (the participant's choice or
 * the event's): each page is rendered from {@code certificates/certificate-page} in its locale and
 * the pages are laid out together with DejaVu Sans (every Kazakh letter). The QR code holds the
 * public verification address in the certificate's language.
 */
@Component
public class CertificatePdf {

	/** A QR code of 33 modules at this size prints at about 18 px per module: it reads from a photocopy. */
	private static final int QR_PIXELS = 600;

	private final Templates templates;

	private final PdfRenderer pdf;

	private final QrCodes qrCodes;

	private final String publicUrl;

	CertificatePdf(Templates templates, PdfRenderer pdf, QrCodes qrCodes, Environment environment) {
		this.templates = templates;
		this.pdf = pdf;
		this.qrCodes = qrCodes;
		String url = environment.getProperty("oqytu.public-url", "http://localhost:8080");
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The public address that verifies a certificate, in the language it was printed in. */
	public String verificationUrl(String code, String language) {
		return publicUrl + "/certificates/" + code + "?lang=" + language;
	}

	public byte[] render(List<CertificateService.Printed> certificates) {
		List<String> pages = new ArrayList<>(certificates.size());
		for (CertificateService.Printed c : certificates) {
			String url = verificationUrl(c.code(), c.language());
			String qr = "data:image/png;base64," + Base64.getEncoder().encodeToString(qrCodes.png(url, QR_PIXELS));
			pages.add(templates.render("certificates/certificate-page", Locale.forLanguageTag(c.language()),
					Map.of("c", c.says(), "qr", qr, "url", url, "code", c.code())));
		}
		return pdf.render(templates.render("certificates/certificates-pdf", Locale.forLanguageTag("kk"),
				Map.of("pages", pages)));
	}
}
