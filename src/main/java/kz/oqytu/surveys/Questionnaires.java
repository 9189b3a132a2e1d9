package kz.oqytu.surveys;

import java.util.List;

import kz.oqytu.accounts.CurrentUser;

/**
 * The questionnaires (after the event, follow-up) as the methodologist edits them. Editing a version
 * that has responses makes a new version; every response stays tied to the version it answered.
 */
public interface Questionnaires {

	/** Both questionnaires with their current version and response counts; staff only. */
	List<QuestionnaireRow> list(CurrentUser user);

	/** One questionnaire: the questions of {@code versionId} (the current version when null) and its history. */
	QuestionnaireDetails details(CurrentUser user, long id, Long versionId);

	/**
	 * Saves the names and the questions. {@code command.versionId()} must be the current version,
	 * else {@link kz.oqytu.shared.ConflictException}; rule violations are a {@link SurveyRuleException}.
	 */
	QuestionnaireSaved save(CurrentUser user, long id, QuestionnaireCommand command);
}
