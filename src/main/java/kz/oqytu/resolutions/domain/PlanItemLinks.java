package kz.oqytu.resolutions.domain;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.plans.PlanItemsDeleted;

/**
 * A task keeps the plan items that carry it out by id (there is no foreign key: a link may name an
 * item, an event or a material). When items of the regional plan are deleted, their links go, in the
 * same transaction (decision 0056).
 */
@Component
class PlanItemLinks {

	private final JdbcClient jdbc;

	PlanItemLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PlanItemsDeleted deleted) {
		if (deleted.itemIds().isEmpty()) {
			return;
		}
		jdbc.sql("delete from resolution_task_link where kind = 'PLAN_ITEM' and target_id = any(:ids)")
			.param("ids", deleted.itemIds().toArray(new Long[0]))
			.update();
	}
}
