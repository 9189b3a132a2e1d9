package kz.oqytu.surveys.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Download names from an event's date and title: a safe ASCII fallback and the real name for RFC 5987. */
class DownloadNamesTests {

	private static final LocalDate DAY = LocalDate.of(2027, 3, 10);

	@Test
	void theNameKeepsTheTitleAndDropsWhatFileSystemsRefuse() {
		assertThat(DownloadNames.name(DAY, "Еңбек құқығы / Трудовое право: \"ҚР\"?", "QR", "png"))
			.isEqualTo("2027-03-10 Еңбек құқығы Трудовое право ҚР QR.png");
		assertThat(DownloadNames.name(DAY, "  ", null, "pdf")).isEqualTo("2027-03-10.pdf");
		assertThat(DownloadNames.name(DAY, "а".repeat(300), "A5", "pdf")).hasSize(10 + 1 + 80 + 3 + 4);
		// A long title is cut after its last whole word, never mid-word (the trial's "…бағдарлам QR.png").
		assertThat(DownloadNames.name(DAY, "Құқықтық сауаттылық: кәсіподақ белсенділеріне арналған мамандандырылған бағдарламасы", "QR", "png"))
			.isEqualTo("2027-03-10 Құқықтық сауаттылық кәсіподақ белсенділеріне арналған мамандандырылған QR.png");
	}

	@Test
	void theFallbackIsPlainAsciiAndTransliterated() {
		assertThat(DownloadNames.ascii("2027-03-10 Еңбек құқығы Ёлка QR.png")).isEqualTo("2027-03-10-Engbek-quqygy-Yolka-QR.png");
		assertThat(DownloadNames.ascii("2027-03-10 Café № 5 — «ок».pdf")).isEqualTo("2027-03-10-Cafe-5-ok.pdf")
			.matches("[A-Za-z0-9.\\-]+");
	}

	@Test
	void theHeaderCarriesBothNamesAndTheRealOneDecodesBack() {
		String header = DownloadNames.contentDisposition("attachment", DAY, "Тест; \"name\"", "QR", "png");
		assertThat(header).startsWith("attachment; filename=\"2027-03-10-Test-name-QR.png\"; filename*=UTF-8''");
		String encoded = header.substring(header.indexOf("''") + 2);
		assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
		assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
			.isEqualTo("2027-03-10 Тест; name QR.png");
	}
}
