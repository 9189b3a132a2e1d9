package kz.oqytu.organizations.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import kz.oqytu.organizations.UnitLevel;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

	@Query("select u from OrgUnit u where u.level = :level and u.path like concat(:path, '%') order by u.nameKk")
	List<OrgUnit> findInSubtree(UnitLevel level, String path);

	@Query("select count(u) > 0 from OrgUnit u where u.parentId = :parentId and lower(u.nameKk) = lower(:nameKk) and u.id <> :exceptId")
	boolean nameTaken(long parentId, String nameKk, long exceptId);

	Optional<OrgUnit> findFirstByParentIdAndNameKkIgnoreCase(long parentId, String nameKk);

	long countByLevel(UnitLevel level);
}
