package kz.oqytu.budget.domain;

import java.time.LocalDate;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetNormRepository extends JpaRepository<BudgetNorm, Long> {

	boolean existsByEffectiveFromAndIdNot(LocalDate effectiveFrom, long id);
}
