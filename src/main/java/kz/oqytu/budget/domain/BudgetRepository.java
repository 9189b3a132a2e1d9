package kz.oqytu.budget.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetRepository extends JpaRepository<Budget, Long> {

	Optional<Budget> findByUnitIdAndYear(long unitId, int year);

	List<Budget> findByYearAndUnitIdIn(int year, Collection<Long> unitIds);
}
