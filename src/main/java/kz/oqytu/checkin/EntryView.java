package kz.oqytu.checkin;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.LocalizedText;

/**
 * One participant's entry for the methodologist: as typed, the organization it resolved to (null:
 * to choose among {@code suggestions}), and the named list's people it may be (same name).
 */
public record EntryView(long id, String fullName, String organizationText, Long organizationId, String organizationKk,
		String organizationRu, String categoryCode, String phone, LocalDateTime submittedAt, EntryStatus status,
		List<UnitOption> suggestions, List<KnownPerson> duplicates) {

	public String organization(Locale locale) {
		return LocalizedText.pick(locale, organizationKk, organizationRu);
	}

	public boolean resolved() {
		return organizationId != null;
	}

	/** A person already on the event's named list. */
	public record KnownPerson(long participantId, String fullName, String organizationKk, String organizationRu,
			boolean sameOrganization) {

		public String organization(Locale locale) {
			return LocalizedText.pick(locale, organizationKk, organizationRu);
		}
	}
}
