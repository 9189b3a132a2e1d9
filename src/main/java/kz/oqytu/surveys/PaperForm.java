package kz.oqytu.surveys;

/**
 * A survey as its paper questionnaire: the questions of its current version (what the sheet prints and
 * the entry form asks), and how many sheets have been typed in for it so far.
 */
public record PaperForm(PublicSurvey survey, long entered) {
}
