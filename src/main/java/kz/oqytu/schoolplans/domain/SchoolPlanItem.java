package kz.oqytu.schoolplans.domain;

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

import kz.oqytu.shared.db.Rows;
import kz.oqytu.schoolplans.SchoolItemCommand;
import kz.oqytu.shared.db.JpaAuditing;

/** One session of a school plan: topic, month, form, planned participants, and whether it was held. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "school_plan_item")
class SchoolPlanItem {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "school_plan_item_seq")
	@SequenceGenerator(name = "school_plan_item_seq", sequenceName = "school_plan_item_seq", allocationSize = 50)
	private Long id;

	@Column(name = "school_plan_id", nullable = false, updatable = false)
	private long schoolPlanId;

	@Column(nullable = false)
	private String topic;

	@Column(name = "topic_code")
	private String topicCode;

	@Column(nullable = false)
	private int month;

	@Column(name = "form_code", nullable = false)
	private String formCode;

	@Column(name = "planned_participants")
	private Integer plannedParticipants;

	@Column(nullable = false)
	private boolean held;

	@Column(name = "held_on")
	private LocalDate heldOn;

	private Integer participants;

	private String notes;

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

	protected SchoolPlanItem() {
	}

	SchoolPlanItem(long schoolPlanId) {
		this.schoolPlanId = schoolPlanId;
	}

	void describe(SchoolItemCommand c, String username) {
		topic = c.topic().strip();
		topicCode = Rows.blankToNull(c.topicCode());
		month = c.month();
		formCode = c.formCode();
		plannedParticipants = c.plannedParticipants();
		held = c.held();
		heldOn = c.held() ? c.heldOn() : null;
		participants = c.held() ? c.participants() : null;
		notes = Rows.blankToNull(c.notes());
		updatedBy = username;
	}

	Long getId() {
		return id;
	}

	long getSchoolPlanId() {
		return schoolPlanId;
	}

	int getVersion() {
		return version;
	}
}
