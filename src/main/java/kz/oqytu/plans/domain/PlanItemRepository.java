package kz.oqytu.plans.domain;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanItemRepository extends JpaRepository<PlanItem, Long> {

	List<PlanItem> findByPlanIdOrderByPositionAscIdAsc(long planId);

	@Query("select coalesce(max(i.position), 0) from PlanItem i where i.planId = ?1")
	int maxPosition(long planId);
}
