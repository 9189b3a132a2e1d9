package kz.oqytu.surveys;

import java.math.BigDecimal;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.Percent;

/**
 * Survey scores of a group of events (a form, a topic, a district, short or longer formats, a
 * respondent's organization): average usefulness and practical applicability after the event, and
 * the share of follow-up respondents who applied what they learned (fully or partly).
 */
public record ScoreLine(String key, String nameKk, String nameRu, long events, long responses,
		BigDecimal usefulness, BigDecimal applicability, long followUps, long applied) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public Percent appliedShare() {
		return Percent.of(applied, followUps).orElse(null);
	}
}
