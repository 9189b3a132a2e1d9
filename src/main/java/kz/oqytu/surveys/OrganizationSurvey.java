package kz.oqytu.surveys;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;
import kz.oqytu.shared.NumberFormats;

/**
 * A primary organization's survey page: its interviews, and the responses whose respondent named
 * it. Results are shown only from {@code threshold} responses on, and each question's average only
 * from {@code threshold} answers on, so that no one's answer can be read off the page.
 */
public record OrganizationSurvey(long organizationId, String nameKk, String nameRu, String districtKk,
		String districtRu, List<InterviewView> interviews, long responses, int threshold,
		List<RatingAverage> averages) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public String district(Locale locale) {
		return LocalizedText.pick(locale, districtKk, districtRu);
	}

	public boolean resultsShown() {
		return responses >= threshold;
	}

	/** A rating question (by questionnaire and code, across versions) and its average, null when hidden. */
	public record RatingAverage(SurveyKind kind, String code, String textKk, String textRu, long answers,
			BigDecimal average) {

		public String text(Locale locale) {
			return LocalizedText.pick(locale, textKk, textRu);
		}

		public boolean hidden() {
			return average == null;
		}

		/** "4,3" (a point in English): averages keep one decimal, rounded. */
		public String averageText(Locale locale) {
			if (average == null) {
				return "";
			}
			String plain = average.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
			return NumberFormats.usesSpaceAndComma(locale) ? plain.replace('.', ',') : plain;
		}
	}
}
