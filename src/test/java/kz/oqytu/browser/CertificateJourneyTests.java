package kz.oqytu.browser;

import java.net.URI;
import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.testsupport.PdfQrCodes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #20, part 2: the methodologist opens a held event, goes to its certificates and downloads one
 * participant's; the QR code read from the PDF opens the verification page on a 360 px phone, in Kazakh
 * and in Russian; after the methodologist revokes the certificate the same address says it is not found.
 */
@BrowserTest
class CertificateJourneyTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMethodologistDownloadsACertificateAndAPhoneVerifiesIt(Browser browser) throws Exception {
		Ui ui = new Ui(port);
		long eventId = jdbc.sql("select p.event_id from event_participant p join training_event e on e.id = p.event_id"
				+ " where e.status = 'HELD' group by p.event_id order by count(*), p.event_id limit 1")
			.query(Long.class).single();
		Page desk = ui.desktop(browser);
		ui.signIn(desk, "methodologist");
		desk.navigate(ui.url("/events/" + eventId));
		desk.locator("#certificates-link").click();
		assertThat(desk).hasURL(ui.url("/events/" + eventId + "/certificates"));
		assertThat(desk.locator("h1")).hasText("Қатысу сертификаттары");
		String name = desk.locator("#certificates tbody tr").first().locator("td").first().textContent().strip();
		assertThat(ui.seriousViolations(desk)).isEmpty();

		Download download = desk.waitForDownload(() -> desk.locator("#certificates .certificate-pdf").first().click());
		assertThat(download.suggestedFilename()).matches("certificate-" + eventId + "-\\d+\\.pdf");
		byte[] pdf = Files.readAllBytes(download.path());
		assertThat(PdfQrCodes.text(pdf)).contains("СЕРТИФИКАТ", name);
		// the page as printed, beside the screenshots, for a person to look at
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			Files.createDirectories(Ui.SCREENSHOTS);
			javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 100), "png",
					Ui.SCREENSHOTS.resolve("certificate-kk.png").toFile());
		}
		URI url = URI.create(PdfQrCodes.qrCode(pdf));
		String path = url.getPath() + "?" + url.getQuery();
		assertThat(path).matches("/certificates/[A-Za-z0-9_-]{22}\\?lang=kk");

		Page phone = ui.phone(browser, 360, 740);
		Response opened = phone.navigate(ui.url(path));
		assertThat(opened.status()).isEqualTo(200);
		assertThat(phone.locator("#certificate-status")).hasText("Сертификат жарамды: ол Oqytu жүйесінде тіркелген.");
		assertThat(phone.locator("#certificate-name")).hasText(name);
		assertThat(phone.locator("#certificate-event")).isVisible();
		assertThat(phone.locator("#certificate-dates")).hasText(java.util.regex.Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{4}.*"));
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
		ui.screenshot(phone, "certificate-verified-kk-360");

		phone.locator("header nav a[hreflang=ru]").tap();
		assertThat(phone.locator("#certificate-status")).hasText("Сертификат действителен: он зарегистрирован в системе Oqytu.");
		assertThat(phone.locator("#certificate-name")).hasText(name);
		assertThat(ui.scrollsSideways(phone)).isFalse();
		assertThat(ui.seriousViolations(phone)).isEmpty();
		ui.screenshot(phone, "certificate-verified-ru-360");

		// revoked: the methodologist confirms, the page says so, the phone's address is gone
		desk.reload();
		desk.onceDialog(dialog -> dialog.accept());
		desk.locator("#certificates .certificate-revoke").first().click();
		assertThat(desk.locator(".alert-success")).containsText("Сертификаттың күші жойылды");
		Response gone = phone.navigate(ui.url(path));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(phone.locator("#certificate-not-found h1")).hasText("Сертификат табылмады");
		assertThat(phone.locator("body")).not().containsText(name);
		assertThat(ui.scrollsSideways(phone)).isFalse();
		phone.context().close();
		desk.context().close();
	}
}
