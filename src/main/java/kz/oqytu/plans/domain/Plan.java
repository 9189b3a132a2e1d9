package kz.oqytu.plans.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;

import kz.oqytu.shared.db.JpaAuditing;
import kz.oqytu.shared.time.UnionClock;

/** A union body's training plan for a year; the body is an org_unit id, never an association. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "training_plan")
class Plan {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_plan_seq")
	@SequenceGenerator(name = "training_plan_seq", sequenceName = "training_plan_seq", allocationSize = 50)
	private Long id;

	@Column(name = "org_unit_id", nullable = false, updatable = false)
	private long unitId;

	@Column(nullable = false, updatable = false)
	private int year;

	@Column(name = "approved_on")
	private LocalDate approvedOn;

	@Column(name = "protocol_number")
	private String protocolNumber;

	@Column(name = "review_shortcomings")
	private String reviewShortcomings;

	@Column(name = "review_corrections")
	private String reviewCorrections;

	@Column(name = "reviewed_at")
	private Instant reviewedAt;

	@Column(name = "reviewed_by")
	private String reviewedBy;

	@Column(name = "copied_from_plan_id", updatable = false)
	private Long copiedFromPlanId;

	@Column(name = "carried_corrections", updatable = false)
	private String carriedCorrections;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	@Version
	private int version;

	protected Plan() {
	}

	Plan(long unitId, int year, String username) {
		this.unitId = unitId;
		this.year = year;
		this.updatedBy = username;
	}

	/** The next year's plan started from this one, carrying the review's corrections. */
	Plan nextYear(String username) {
		Plan next = new Plan(unitId, year + 1, username);
		next.copiedFromPlanId = id;
		next.carriedCorrections = reviewCorrections;
		return next;
	}

	void approve(LocalDate approvedOn, String protocolNumber, String username) {
		this.approvedOn = approvedOn;
		this.protocolNumber = protocolNumber;
		this.updatedBy = username;
	}

	void review(String shortcomings, String corrections, String username) {
		this.reviewShortcomings = shortcomings;
		this.reviewCorrections = corrections;
		this.reviewedAt = Instant.now(UnionClock.current());
		this.reviewedBy = username;
		this.updatedBy = username;
	}

	boolean isApproved() {
		return approvedOn != null;
	}

	Long getId() {
		return id;
	}

	long getUnitId() {
		return unitId;
	}

	int getYear() {
		return year;
	}

	int getVersion() {
		return version;
	}
}
