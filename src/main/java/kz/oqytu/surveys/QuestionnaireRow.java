package kz.oqytu.surveys;

import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A questionnaire in the list: its current version and how many responses it has had. */
public record QuestionnaireRow(long id, SurveyKind kind, String nameKk, String nameRu, long currentVersionId,
		int currentVersionNo, int versions, int questions, long responses, long currentResponses) {

	public String name(Locale locale) {
		return LocalizedText.pick(locale, nameKk, nameRu);
	}
}
