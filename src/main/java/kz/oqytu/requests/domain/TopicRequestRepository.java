package kz.oqytu.requests.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface TopicRequestRepository extends JpaRepository<TopicRequest, Long> {
}
