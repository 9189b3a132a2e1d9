package kz.oqytu.checkin;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.LocalizedText;
import kz.oqytu.training.CatalogItem;

/** What the participant's page shows: the event, whether check-in is open, the pick lists. */
public record PublicCheckin(String code, String eventTitleKk, String eventTitleRu, LocalDateTime closesAt, boolean open,
		List<UnitOption> organizations, List<CatalogItem> categories) {

	public String eventTitle(Locale locale) {
		return LocalizedText.pick(locale, eventTitleKk, eventTitleRu);
	}
}
