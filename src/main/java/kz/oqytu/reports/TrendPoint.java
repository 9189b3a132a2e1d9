package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;

import kz.oqytu.shared.Percent;

/**
 * A training year on the dashboard's trend: events, trained, members and coverage, by category.
 * {@code members} is null without a snapshot (no coverage then); the current year is
 * {@code provisional}, against the snapshot of {@code membersAsOf}.
 */
public record TrendPoint(int year, long events, long trained, Long members, List<CategoryFigure> categories,
		LocalDate membersAsOf, boolean provisional) {

	public Percent coverage() {
		return members == null ? null : Percent.of(trained, members).orElse(null);
	}
}
