package kz.oqytu.resolutions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import kz.oqytu.resolutions.LinkKind;

/** A row of resolution_task_link: what carries out a task, by kind and id. */
@Embeddable
record TaskLinkRow(@Enumerated(EnumType.STRING) @Column(name = "kind", nullable = false) LinkKind kind,
		@Column(name = "target_id", nullable = false) long targetId) {
}
