package kz.oqytu.reports.domain;

/**
 * A derived table of the reports module (issue #17, DHIS2's analytics tables): rows computed from
 * training's and organizations' data, so that a page reads a few hundred rows instead of aggregating
 * a country's events. Every row of a rollup belongs to one key (the region whose body organized the
 * events, the year they start in); the refresher recomputes the keys a transaction touched before
 * it commits, and {@link #rebuild()} makes the table again from the source.
 */
interface RollupTable {

	/** Recompute the rows of the events organized in the region (its subtree) that start in the year. */
	void refresh(long regionId, int year);

	/** Delete everything and compute it again from the source (the rebuild command, the generator). */
	void rebuild();
}
