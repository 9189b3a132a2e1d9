package kz.oqytu.surveys;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * One question's results: how many answered, for ratings the average (one decimal) and the
 * distribution 1–5, for choices the count per option, for free text the texts (in alphabetical
 * order, never by time, so that no text is told apart as the newest). {@code suppressed}: fewer
 * answered than the anonymity threshold, and nothing of the answers is given. For a topic question,
 * {@code otherTexts} are the texts written under "other", grouped by their normalized text, with the
 * topic each is mapped to; they count under that topic, or under "other" while not mapped.
 */
public record QuestionResult(String code, QuestionType type, String textKk, String textRu, long answered,
		BigDecimal average, List<OptionCount> options, List<String> texts, boolean suppressed,
		List<OtherTopicText> otherTexts) {

	public QuestionResult(String code, QuestionType type, String textKk, String textRu, long answered,
			BigDecimal average, List<OptionCount> options, List<String> texts, boolean suppressed) {
		this(code, type, textKk, textRu, answered, average, options, texts, suppressed, List.of());
	}

	public String text(Locale locale) {
		return LocalizedText.pick(locale, textKk, textRu);
	}
}
