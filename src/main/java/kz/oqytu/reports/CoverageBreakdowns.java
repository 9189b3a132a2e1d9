package kz.oqytu.reports;

import java.util.List;

/**
 * Everything the annual report and the dashboard show beside the table, for one training year.
 * {@code byOrganization} lists organizations known to be left out; those whose figure is not known
 * are counted in {@code organizationsNotRecorded}, and {@code unrecorded} is what the year's events
 * leave not recorded by organization (decision 19). The last two are null in snapshots approved
 * before they existed.
 */
public record CoverageBreakdowns(List<Breakdown> byDistrict, List<Breakdown> byForm, List<Breakdown> byTopic,
		List<Breakdown> byMonth, Breakdown shortFormats, Breakdown longerFormats, List<Breakdown> byOrganization,
		long organizationsLeftOut, long organizationsTotal, Long organizationsNotRecorded,
		UnrecordedAttendance unrecorded) {
}
