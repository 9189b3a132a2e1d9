package kz.oqytu.reports;

import org.springframework.data.domain.Page;

/** One page of the monitoring and the headline of everything the filter selects. */
public record MonitoringPage(Page<MonitoringRow> rows, MonitoringTotals totals) {
}
