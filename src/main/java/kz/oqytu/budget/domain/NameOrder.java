package kz.oqytu.budget.domain;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Locale;

/**
 * Alphabetical order of body names as the reader expects it. The JDK has no Kazakh collation and
 * puts Ә, Қ, Ұ... after Я ("Әйтеке би" last); the Kazakh alphabet is the Russian one with its
 * letters in place: А Ә Б В Г Ғ ... К Қ ... Н Ң О Ө ... У Ұ Ү ... Х Һ ... Ы І ...
 */
final class NameOrder {

	private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

	private static final String KAZAKH_LETTERS = "& А < ә, Ә & Г < ғ, Ғ & К < қ, Қ & Н < ң, Ң & О < ө, Ө"
			+ " & У < ұ, Ұ < ү, Ү & Х < һ, Һ & Ы < і, І";

	private NameOrder() {
	}

	/** Russian readers see Russian names; everyone else sees the Kazakh ones. */
	static Collator forReader(Locale locale) {
		Collator russian = Collator.getInstance(RUSSIAN);
		if (locale != null && "ru".equals(locale.getLanguage())) {
			return russian;
		}
		try {
			return new RuleBasedCollator(((RuleBasedCollator) russian).getRules() + KAZAKH_LETTERS);
		}
		catch (ParseException | ClassCastException ex) {
			return russian;
		}
	}
}
