package kz.oqytu.reports;

import java.util.List;

/** Everything the annual report and the dashboard show beside the table, for one training year. */
public record CoverageBreakdowns(List<Breakdown> byDistrict, List<Breakdown> byForm, List<Breakdown> byTopic,
		List<Breakdown> byMonth, Breakdown shortFormats, Breakdown longerFormats, List<Breakdown> byOrganization,
		long organizationsLeftOut, long organizationsTotal) {
}
