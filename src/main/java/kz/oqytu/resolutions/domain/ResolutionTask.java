package kz.oqytu.resolutions.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;

import kz.oqytu.shared.db.Rows;
import kz.oqytu.resolutions.TaskStatus;
import kz.oqytu.shared.db.JpaAuditing;

/** A task a resolution orders: who does what by when, how far it is, and what carries it out. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "resolution_task")
class ResolutionTask {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resolution_task_seq")
	@SequenceGenerator(name = "resolution_task_seq", sequenceName = "resolution_task_seq", allocationSize = 50)
	private Long id;

	@Column(name = "resolution_id", nullable = false, updatable = false)
	private long resolutionId;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String description;

	private String responsible;

	private LocalDate deadline;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private TaskStatus status = TaskStatus.NOT_STARTED;

	@Column(name = "execution_notes")
	private String executionNotes;

	@Column(name = "completed_on")
	private LocalDate completedOn;

	@ElementCollection
	@CollectionTable(name = "resolution_task_link", joinColumns = @JoinColumn(name = "task_id"))
	private Set<TaskLinkRow> links = new HashSet<>();

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

	protected ResolutionTask() {
	}

	ResolutionTask(long resolutionId, int position) {
		this.resolutionId = resolutionId;
		this.position = position;
	}

	void describe(String description, String responsible, LocalDate deadline, TaskStatus status,
			LocalDate completedOn, String notes, Set<TaskLinkRow> links, String username, LocalDate today) {
		this.description = description.strip();
		this.responsible = Rows.blankToNull(responsible);
		this.deadline = deadline;
		// a typed day wins; otherwise the day it was first marked done stays; reopening clears it
		if (status == TaskStatus.DONE && completedOn != null) {
			this.completedOn = completedOn;
		}
		else if (status == TaskStatus.DONE && this.status != TaskStatus.DONE) {
			this.completedOn = today;
		}
		else if (status != TaskStatus.DONE) {
			this.completedOn = null;
		}
		this.status = status;
		this.executionNotes = Rows.blankToNull(notes);
		if (!this.links.equals(links)) {
			this.links.retainAll(links);
			this.links.addAll(links);
		}
		this.updatedBy = username;
	}

	Long getId() {
		return id;
	}

	long getResolutionId() {
		return resolutionId;
	}

	int getVersion() {
		return version;
	}
}
