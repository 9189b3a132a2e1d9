package kz.oqytu.schoolplans.domain;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.schoolplans.SchoolPlanDueDates;

/** School-plan months for the reminders, one statement. */
@Service
class SchoolPlanDueDatesQuery implements SchoolPlanDueDates {

	private final JdbcClient jdbc;

	SchoolPlanDueDatesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<SchoolItemsDue> schoolItemsDue(int year, int month) {
		return jdbc.sql("""
				select p.organization_id, array_agg(i.topic order by i.id) as topics
				from school_plan p join school_plan_item i on i.school_plan_id = p.id
				join organizations_v_unit o on o.id = p.organization_id and o.active
				where p.year = :year and i.month = :month and not i.held
				group by p.organization_id order by p.organization_id""")
			.param("year", year)
			.param("month", month)
			.query((rs, n) -> new SchoolItemsDue(rs.getLong("organization_id"), year, month,
					Arrays.asList((String[]) rs.getArray("topics").getArray())))
			.list();
	}
}
