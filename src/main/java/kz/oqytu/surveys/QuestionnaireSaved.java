package kz.oqytu.surveys;

/** What a save did: the version that is current now, and whether it is a new one. */
public record QuestionnaireSaved(long versionId, int versionNo, Outcome outcome) {

	public enum Outcome {
		/** The current version had no responses: it was changed and keeps its number. */
		CHANGED,
		/** The current version had responses: the changes are a new version. */
		NEW_VERSION,
		/** The questions are as they were; only the names were saved. */
		QUESTIONS_UNCHANGED
	}
}
