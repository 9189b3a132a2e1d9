package kz.oqytu.calendar;

import java.time.Instant;
import java.util.Locale;

import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.shared.LocalizedText;

/**
 * A union body's calendar feed as a page shows it: its address in each language ({@code https://…/feeds/ru/<secret>.ics}),
 * the same as {@code webcal:} for phones, when the secret was made and whether the viewer may make a new one.
 */
public record FeedAddress(long unitId, UnitLevel level, String nameKk, String nameRu, String baseUrl, String secret,
		Instant createdAt, boolean mayRegenerate) {

	/** The feed's languages; the address carries one. */
	public static final java.util.List<String> LANGUAGES = java.util.List.of("kk", "ru", "en");

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	/** The address in the language of the page ({@code kk} when it is not one of the feed's). */
	public String url(Locale locale) {
		return url(language(locale));
	}

	public String url(String language) {
		return baseUrl + "/feeds/" + language + "/" + secret + ".ics";
	}

	/** The same address for subscribing: {@code webcal://host/…} (phones open it in their calendar). */
	public String webcal(Locale locale) {
		return "webcal" + url(locale).replaceFirst("^https?", "");
	}

	/** Kazakh for a Russian page and Russian otherwise: the other language a reader may want. */
	public String otherLanguage(Locale locale) {
		return "ru".equals(language(locale)) ? "kk" : "ru";
	}

	public static String language(Locale locale) {
		String language = locale == null ? "kk" : locale.getLanguage();
		return LANGUAGES.contains(language) ? language : "kk";
	}
}
