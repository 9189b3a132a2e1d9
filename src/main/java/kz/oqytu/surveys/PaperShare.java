package kz.oqytu.surveys;

import kz.oqytu.shared.Percent;

/** Of the counted (unflagged) responses of a scope and year, how many were typed in from paper sheets. */
public record PaperShare(long paper, long counted) {

	public Percent share() {
		return Percent.of(paper, counted).orElse(null);
	}
}
