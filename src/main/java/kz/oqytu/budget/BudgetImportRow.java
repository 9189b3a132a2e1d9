package kz.oqytu.budget;

/** A row of the budget import: a body's budget for a year, new or replacing the recorded one. */
public record BudgetImportRow(long unitId, int year, BudgetCommand command, boolean replaces) {
}
