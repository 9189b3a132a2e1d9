package kz.oqytu.surveys;

/** Whether a survey takes answers now. */
public enum SurveyState {
	NOT_YET_OPEN, OPEN, CLOSED
}
