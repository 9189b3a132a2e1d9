package kz.oqytu.reports;

import java.util.List;

import kz.oqytu.shared.Percent;

/** A training year on the dashboard's trend: events, trained, members and coverage, by category. */
public record TrendPoint(int year, long events, long trained, long members, List<CategoryFigure> categories) {

	public Percent coverage() {
		return Percent.of(trained, members).orElse(null);
	}
}
