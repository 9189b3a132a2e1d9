package kz.oqytu.plans;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A plan item named for a select list or a link: "2025 · 3. Seminar-meeting ...". */
public record PlanItemRef(long id, int year, int position, String titleKk, String titleRu) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public String label(Locale locale) {
		return year + " · " + position + ". " + title(locale);
	}

	public String href() {
		return "/plans/" + year + "/items/" + id;
	}
}
