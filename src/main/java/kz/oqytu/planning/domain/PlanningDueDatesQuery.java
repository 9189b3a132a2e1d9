package kz.oqytu.planning.domain;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.organizations.Scopes;
import kz.oqytu.planning.PlanningDueDates;

/** Campaign deadlines and school-plan months for the reminders, one statement each. */
@Service
class PlanningDueDatesQuery implements PlanningDueDates {

	private final JdbcClient jdbc;

	PlanningDueDatesQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CampaignDue> campaignsDue(LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select c.id, c.year, c.title_kk, c.title_ru, c.deadline,
				       array(select o.id from organizations_v_unit o
				              where o.level = 'PRIMARY' and o.active and %s
				                and not exists (select 1 from topic_request r
				                                 where r.organization_id = o.id and r.year = c.year)
				              order by o.id) as unanswered
				from request_campaign c join organizations_v_unit b on b.id = c.org_unit_id
				where c.deadline between :from and :to and c.opens_on <= :to
				order by c.deadline, c.id""".formatted(Scopes.under("o.path", "b.path")))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new CampaignDue(rs.getLong("id"), rs.getInt("year"), rs.getString("title_kk"),
					rs.getString("title_ru"), rs.getObject("deadline", LocalDate.class), ids(rs.getArray("unanswered"))))
			.list();
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

	private static List<Long> ids(Array array) throws java.sql.SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}
}
