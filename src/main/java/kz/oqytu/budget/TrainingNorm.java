package kz.oqytu.budget;

import java.time.LocalDate;

import kz.oqytu.shared.Percent;

/**
 * The least share of a budget's expenditure that training must take, in force for the budgets of
 * the year of {@code effectiveFrom} and later, until a later norm takes over.
 */
public record TrainingNorm(long id, Percent share, LocalDate effectiveFrom, int version) {
}
