package kz.oqytu.surveys;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** What the staff download of a survey's QR code needs: the survey's public address and its event's day and title. */
public record QrDownload(String url, LocalDate day, String titleKk, String titleRu) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}
}
