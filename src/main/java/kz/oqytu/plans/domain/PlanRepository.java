package kz.oqytu.plans.domain;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<Plan, Long> {

	Optional<Plan> findByUnitIdAndYear(long unitId, int year);

	boolean existsByUnitIdAndYear(long unitId, int year);
}
