package kz.oqytu.planning.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolPlanItemRepository extends JpaRepository<SchoolPlanItem, Long> {
}
