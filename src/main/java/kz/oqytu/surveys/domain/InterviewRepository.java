package kz.oqytu.surveys.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface InterviewRepository extends JpaRepository<Interview, Long> {
}
