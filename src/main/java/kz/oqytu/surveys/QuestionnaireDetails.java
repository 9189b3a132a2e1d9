package kz.oqytu.surveys;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/**
 * A questionnaire: the questions of one of its versions ({@code shown}, the current one unless
 * asked otherwise) and the history of its versions, newest first.
 */
public record QuestionnaireDetails(long id, SurveyKind kind, String nameKk, String nameRu, VersionRow shown,
		List<QuestionView> questions, List<VersionRow> versions) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}

	public VersionRow current() {
		return versions.stream().filter(VersionRow::current).findFirst().orElseThrow();
	}

	/** A version of the questionnaire with the number of its questions and of the responses it got. */
	public record VersionRow(long id, int versionNo, boolean current, Instant createdAt, String createdBy,
			int questions, long responses) {
	}
}
