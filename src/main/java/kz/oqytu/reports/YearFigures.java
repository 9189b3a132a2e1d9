package kz.oqytu.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import kz.oqytu.shared.Percent;

/**
 * One column of the union's table: training year Y, members on 01.01 of Y+1, people trained in Y
 * (sum of head counts of held events) by category, and the share, truncated to one decimal.
 * {@code uniquePersons} counts distinct named people (same name and organization) where lists exist.
 * <p>
 * {@code members} is null when no snapshot gives them ("no data", never 0). {@code membersAsOf} is
 * the date of the snapshot used: 01.01 of Y+1, or, for the current year ({@code provisional}), the
 * latest snapshot there is when that one does not exist yet.
 */
public record YearFigures(int trainingYear, LocalDate membershipDate, Long members, long trained,
		List<CategoryFigure> categories, long events, long namedParticipants, long uniquePersons,
		LocalDate membersAsOf, boolean provisional) {

	public YearFigures {
		// approvals frozen before members could be missing stored 0 for "no snapshot" and no date
		if (membersAsOf == null && members != null && members == 0) {
			members = null;
		}
		if (membersAsOf == null && members != null) {
			membersAsOf = membershipDate;
		}
	}

	public boolean hasMembers() {
		return members != null;
	}

	/** Anything known about the year: a membership snapshot or held events. Without either the column is "no data". */
	public boolean recorded() {
		return members != null || events > 0;
	}

	/** The members come from an earlier snapshot than 01.01 of Y+1 (the current year, provisional). */
	public boolean earlierSnapshot() {
		return membersAsOf != null && !membersAsOf.equals(membershipDate);
	}

	/** Trained / members; empty without members: no share is computed against a missing base. */
	public Optional<Percent> coverage() {
		return members == null ? Optional.empty() : Percent.of(trained, members);
	}

	public Percent coverageOrNull() {
		return coverage().orElse(null);
	}

	public long category(String code) {
		return categories.stream().filter(c -> c.code().equals(code)).mapToLong(CategoryFigure::participants).sum();
	}
}
