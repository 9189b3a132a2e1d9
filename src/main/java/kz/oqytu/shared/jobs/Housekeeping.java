package kz.oqytu.shared.jobs;

import java.time.OffsetDateTime;

/**
 * A module's share of the nightly housekeeping (issue #21: a module cleans its own tables). Each bean
 * removes what its module no longer needs and says how many rows; {@link MaintenanceJobs} runs them
 * all in one transaction under the housekeeping lock and records the counts by name.
 */
public interface Housekeeping {

	/** A short name for the job's record, e.g. {@code throttles}. */
	String name();

	/** Removes the module's stale rows as of {@code now}; returns how many. */
	int purge(OffsetDateTime now);
}
