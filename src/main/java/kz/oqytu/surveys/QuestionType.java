package kz.oqytu.surveys;

/** How a question is answered. */
public enum QuestionType {
	/** 1 to 5. */
	RATING,
	/** One of the options. */
	SINGLE,
	/** Any of the options. */
	MULTIPLE,
	/** Any topics of the training catalogue, plus an "other" text. */
	TOPICS,
	/** One of the participant categories. */
	CATEGORY,
	/** A primary organization of the event's region, optional, by name. */
	ORGANIZATION,
	/** Free text, length-limited. */
	TEXT;

	public boolean multipleValues() {
		return this == MULTIPLE || this == TOPICS;
	}
}
