package kz.oqytu.schoolplans;

import java.util.List;

import org.springframework.data.domain.Page;

/** The school plans of a year: the filtered organizations (a page) and every district's counts. */
public record SchoolOverview(SchoolCriteria criteria, Page<SchoolPlanRow> rows, List<DistrictSchools> districts) {

	public DistrictSchools total() {
		int o = 0, n = 0, h = 0, p = 0, a = 0;
		for (DistrictSchools d : districts) {
			o += d.organizations();
			n += d.noPlan();
			h += d.nothingHeld();
			p += d.inProgress();
			a += d.allHeld();
		}
		return new DistrictSchools(0, null, null, o, n, h, p, a);
	}
}
