package kz.oqytu.requests;

import java.time.LocalDate;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * A request campaign: the primary organizations of a body are asked for their requests for a plan
 * year by a deadline. An organization has answered when it has a request for that year.
 */
public record CampaignView(long id, int year, String titleKk, String titleRu, LocalDate opensOn, LocalDate deadline,
		String note, int organizations, int answered, int version) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public boolean open(LocalDate today) {
		return !today.isBefore(opensOn) && !today.isAfter(deadline);
	}

	public int notAnswered() {
		return organizations - answered;
	}
}
