package kz.oqytu.training;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A named participant of an event. */
public record Participant(long id, String fullName, long organizationId, String organizationKk,
		String organizationRu, String categoryCode, String position) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}
}
