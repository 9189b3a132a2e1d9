package kz.oqytu.schoolplans.domain;

import java.time.Instant;

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

/** A primary organization's school of union training plan for a year; its items are rows of their own. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "school_plan")
class SchoolPlan {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_plan_seq")
	@SequenceGenerator(name = "school_plan_seq", sequenceName = "school_plan_seq", allocationSize = 50)
	private Long id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private long organizationId;

	@Column(nullable = false, updatable = false)
	private int year;

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

	protected SchoolPlan() {
	}

	SchoolPlan(long organizationId, int year, String username) {
		this.organizationId = organizationId;
		this.year = year;
		this.updatedBy = username;
	}

	Long getId() {
		return id;
	}
}
