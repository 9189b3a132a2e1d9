package kz.oqytu.schoolplans.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SchoolPlanRepository extends JpaRepository<SchoolPlan, Long> {

	Optional<SchoolPlan> findByOrganizationIdAndYear(long organizationId, int year);
}
