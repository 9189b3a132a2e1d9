package kz.oqytu.resolutions.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface ResolutionRepository extends JpaRepository<Resolution, Long> {
}
