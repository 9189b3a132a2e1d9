package kz.oqytu.surveys;

/** When a survey is answered: at the end of the event, or months later on practical use. */
public enum SurveyKind {
	POST_EVENT, FOLLOW_UP
}
