package kz.oqytu.requests.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.shared.db.Rows;
import kz.oqytu.plans.PlanItemRef;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.requests.RequestView;

/** Reads topic requests as the pages show them: one statement per list, names and decisions joined. */
@Component
class RequestQueries {

	static final String SELECT = """
			select r.id, r.organization_id, o.name_kk as o_kk, o.name_ru as o_ru, d.id as d_id, d.name_kk as d_kk,
			       d.name_ru as d_ru, r.year,
			       (select string_agg(t.topic_code, ',' order by tt.sort_order) from topic_request_topic t
			          join training_v_topic tt on tt.code = t.topic_code where t.request_id = r.id) as topics,
			       (select string_agg(c.category_code, ',' order by pc.sort_order) from topic_request_category c
			          join training_v_category pc on pc.code = c.category_code where c.request_id = r.id) as categories,
			       r.preferred_form_code, r.preferred_month, r.expected_participants, r.comment, r.status,
			       i.id as item_id, i.year as item_year, i.position as item_position, i.title_kk as item_kk,
			       i.title_ru as item_ru, r.event_id, e.title_kk as e_kk, e.title_ru as e_ru, r.decline_reason,
			       r.submitted_by, r.created_at, r.decided_at, r.version
			""";

	static final String FROM = """
			 from topic_request r
			 join organizations_v_unit o on o.id = r.organization_id
			 join organizations_v_unit d on d.id = o.parent_id
			 left join plans_v_item i on i.id = r.plan_item_id
			 left join training_v_event e on e.id = r.event_id
			""";

	private final JdbcClient jdbc;

	RequestQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<RequestView> list(String where, String order, Map<String, Object> params) {
		return jdbc.sql(SELECT + FROM + " where " + where + " order by " + order).params(params).query(RequestQueries::view).list();
	}

	static RequestView view(ResultSet rs, int n) throws SQLException {
		PlanItemRef item = rs.getObject("item_id") == null ? null
				: new PlanItemRef(rs.getLong("item_id"), rs.getInt("item_year"), rs.getInt("item_position"),
						rs.getString("item_kk"), rs.getString("item_ru"));
		OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
		OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
		Object event = rs.getObject("event_id");
		return new RequestView(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("o_kk"),
				rs.getString("o_ru"), rs.getLong("d_id"), rs.getString("d_kk"), rs.getString("d_ru"), rs.getInt("year"),
				Rows.codes(rs.getString("topics")), Rows.codes(rs.getString("categories")),
				rs.getString("preferred_form_code"), Rows.intOrNull(rs, "preferred_month"),
				rs.getInt("expected_participants"), rs.getString("comment"), RequestStatus.valueOf(rs.getString("status")),
				item, event == null ? null : ((Number) event).longValue(), rs.getString("e_kk"), rs.getString("e_ru"),
				rs.getString("decline_reason"), rs.getString("submitted_by"), created == null ? null : created.toInstant(),
				decided == null ? null : decided.toInstant(), rs.getInt("version"));
	}
}
