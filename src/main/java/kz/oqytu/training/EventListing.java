package kz.oqytu.training;

import java.util.List;

import org.springframework.data.domain.Page;

import kz.oqytu.organizations.UnitOption;

/**
 * What the event list page shows from the database: a page of events with its total, the years of
 * the year filter and the committees of the district filter, read in one transaction (issue #17, S4).
 */
public record EventListing(Page<EventRow> result, List<Integer> years, List<UnitOption> committees) {
}
