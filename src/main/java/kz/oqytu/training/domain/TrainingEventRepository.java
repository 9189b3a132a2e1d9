package kz.oqytu.training.domain;

import org.springframework.data.jpa.repository.JpaRepository;

interface TrainingEventRepository extends JpaRepository<TrainingEvent, Long> {
}
