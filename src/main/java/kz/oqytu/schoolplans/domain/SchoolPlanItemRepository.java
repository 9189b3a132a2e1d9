package kz.oqytu.schoolplans.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolPlanItemRepository extends JpaRepository<SchoolPlanItem, Long> {
}
