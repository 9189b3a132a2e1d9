package kz.oqytu.yearplan.web;

/** The plan year and the target coverage as typed ("25", "25,5"); the service parses and checks it. */
record PlanDraftForm(Integer year, String target) {
}
