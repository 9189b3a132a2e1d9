package kz.oqytu.resolutions.domain;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ResolutionTaskRepository extends JpaRepository<ResolutionTask, Long> {

	@Query("select coalesce(max(t.position), 0) from ResolutionTask t where t.resolutionId = ?1")
	int maxPosition(long resolutionId);
}
