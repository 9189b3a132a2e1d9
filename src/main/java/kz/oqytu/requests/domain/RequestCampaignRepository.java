package kz.oqytu.requests.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface RequestCampaignRepository extends JpaRepository<RequestCampaign, Long> {

	boolean existsByUnitIdAndYearAndIdNot(long unitId, int year, long id);
}
