package kz.oqytu.organizations.domain;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface MembershipSnapshotRepository extends JpaRepository<MembershipSnapshot, Long> {

	Optional<MembershipSnapshot> findByOrgUnitIdAndAsOf(long orgUnitId, LocalDate asOf);
}
