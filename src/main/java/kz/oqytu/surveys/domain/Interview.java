package kz.oqytu.surveys.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import kz.oqytu.surveys.InterviewCommand;
import kz.oqytu.shared.time.UnionClock;

/**
 * A sample interview with a representative of a primary organization (an org_unit id, never an
 * association). The id comes from the module's shared {@code survey_seq}, taken by the service, so
 * the ids stay at 1000 and above like every other survey id.
 */
@Entity
@Table(name = "interview")
class Interview {

	@Id
	private Long id;

	@Column(name = "held_on", nullable = false)
	private LocalDate heldOn;

	@Column(name = "organization_id", nullable = false)
	private long organizationId;

	@Column(nullable = false, length = 200)
	private String interviewer;

	@Column(name = "respondent_role", nullable = false, length = 200)
	private String respondentRole;

	@Column(nullable = false, length = 4000)
	private String findings;

	private Short usefulness;

	@Column(name = "practical_use")
	private Short practicalUse;

	@Column(length = 4000)
	private String notes;

	@Column(name = "created_by", nullable = false, updatable = false, length = 64)
	private String createdBy;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	/** Null until stored, which is how Spring Data tells a new interview from an edited one. */
	@Version
	private Integer version;

	protected Interview() {
	}

	Interview(long id, String createdBy) {
		this.id = id;
		this.createdBy = createdBy;
		this.createdAt = Instant.now(UnionClock.current());
	}

	void record(InterviewCommand c) {
		this.heldOn = c.heldOn();
		this.organizationId = c.organizationId();
		this.interviewer = c.interviewer().strip();
		this.respondentRole = c.respondentRole().strip();
		this.findings = c.findings().strip();
		this.usefulness = c.usefulness() == null ? null : c.usefulness().shortValue();
		this.practicalUse = c.practicalUse() == null ? null : c.practicalUse().shortValue();
		this.notes = c.notes() == null || c.notes().isBlank() ? null : c.notes().strip();
	}

	Long getId() {
		return id;
	}

	long getOrganizationId() {
		return organizationId;
	}

	int getVersion() {
		return version == null ? -1 : version;
	}
}
