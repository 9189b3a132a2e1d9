package kz.oqytu.certificates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** What a certificate says, as the public verification page shows it: one person's, nobody else's. */
public record CertificateCheck(String fullName, String titleKk, String titleRu, LocalDate startsOn, LocalDate endsOn,
		BigDecimal academicHours, String organizerKk, String organizerRu) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public String organizer(Locale locale) {
		return LocalizedText.pick(locale, organizerKk, organizerRu);
	}

	public boolean oneDay() {
		return startsOn.equals(endsOn);
	}
}
