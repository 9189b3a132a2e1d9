package kz.oqytu.requests.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.plans.PlannedRequest;
import kz.oqytu.plans.PlannedRequests;

/**
 * Tells the regional plan which topic requests are planned in its items: for an item's page, and before
 * items are deleted (an item that requests are planned in is kept). Decision 0056.
 */
@Service
class PlannedRequestsQuery implements PlannedRequests {

	private final JdbcClient jdbc;

	PlannedRequestsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<PlannedRequest> plannedIn(long itemId) {
		return jdbc.sql("""
				select r.id, o.name_kk as o_kk, o.name_ru as o_ru, d.name_kk as d_kk, d.name_ru as d_ru
				from topic_request r
				join organizations_v_unit o on o.id = r.organization_id
				join organizations_v_unit d on d.id = o.parent_id
				where r.plan_item_id = :item
				order by o.name_kk, r.id""")
			.param("item", itemId)
			.query((rs, n) -> new PlannedRequest(rs.getLong("id"), rs.getString("o_kk"), rs.getString("o_ru"),
					rs.getString("d_kk"), rs.getString("d_ru")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Integer> countsPlannedIn(Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select plan_item_id, count(*) as n from topic_request
				where plan_item_id = any(:items) group by plan_item_id""")
			.param("items", itemIds.toArray(new Long[0]))
			.query((rs, n) -> Map.entry(rs.getLong("plan_item_id"), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
