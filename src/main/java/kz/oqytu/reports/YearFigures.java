package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import kz.oqytu.shared.Percent;

/**
 * One column of the union's table: training year Y, members on 01.01 of Y+1, people trained in Y
 * (sum of head counts of held events) by category, and the share, truncated to one decimal.
 * {@code uniquePersons} counts distinct named people (same name and organization) where lists exist.
 */
public record YearFigures(int trainingYear, LocalDate membershipDate, long members, long trained,
		List<CategoryFigure> categories, long events, long namedParticipants, long uniquePersons) {

	public Optional<Percent> coverage() {
		return Percent.of(trained, members);
	}

	public Percent coverageOrNull() {
		return coverage().orElse(null);
	}

	public long category(String code) {
		return categories.stream().filter(c -> c.code().equals(code)).mapToLong(CategoryFigure::participants).sum();
	}
}
