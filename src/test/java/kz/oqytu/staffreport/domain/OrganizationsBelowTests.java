package kz.oqytu.staffreport.domain;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import kz.oqytu.reports.MonitoringRow;
import kz.oqytu.shared.Percent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district's finding "organizations below the district's coverage" (decision 52) names only those
 * recorded in full: in the demo every organization has head counts not recorded by organization, so
 * the finding never appears there and its rule is pinned here.
 */
class OrganizationsBelowTests {

	private static MonitoringRow row(long id, String name, Long members, long trained, long unrecorded) {
		return new MonitoringRow(id, name, name, 4, "Алға ауданы", "Алгинский район", members, trained, members, 0, null,
				null, null, null, unrecorded, 0);
	}

	@Test
	void onlyOrganizationsRecordedInFullAndBelowTheDistrictAreNamedLowestFirst() {
		Percent district = Percent.of(20, 100).orElseThrow();
		List<MonitoringRow> rows = List.of(
				row(1, "№1 мектеп", 50L, 5, 0), // 10%: below, recorded in full
				row(2, "№2 мектеп", 40L, 0, 0), // 0%: below, recorded in full
				row(3, "№3 мектеп", 50L, 0, 30), // not recorded by organization: not known to be below
				row(4, "№4 мектеп", 50L, 2, 30), // partly recorded: not known either
				row(5, "№5 мектеп", 10L, 2, 0), // 20%: not below
				row(6, "№6 мектеп", 20L, 10, 0), // 50%
				row(7, "№7 мектеп", null, 0, 0), // no members on 01.01
				row(8, "№8 мектеп", 0L, 0, 0));
		assertThat(StaffReportDrafter.below(rows, district, Locale.forLanguageTag("ru")))
			.extracting(b -> b.row().organizationId(), b -> b.coverage().toString())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, Percent.of(0, 40).orElseThrow().toString()),
					org.assertj.core.groups.Tuple.tuple(1L, Percent.of(5, 50).orElseThrow().toString()));
	}
}
