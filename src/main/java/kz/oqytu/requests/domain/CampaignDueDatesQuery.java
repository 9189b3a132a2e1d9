package kz.oqytu.requests.domain;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.organizations.Scopes;
import kz.oqytu.requests.CampaignDueDates;

/** Campaign deadlines for the reminders, one statement. */
@Service
class CampaignDueDatesQuery implements CampaignDueDates {

	private final JdbcClient jdbc;

	CampaignDueDatesQuery(JdbcClient jdbc) {
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

	private static List<Long> ids(Array array) throws java.sql.SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}
}
