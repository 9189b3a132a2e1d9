package kz.oqytu.requests.domain;

import java.time.Instant;
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
import kz.oqytu.requests.RequestCommand;
import kz.oqytu.requests.RequestStatus;
import kz.oqytu.shared.db.JpaAuditing;
import kz.oqytu.shared.time.UnionClock;

/** A primary organization's training request and the methodologist's decision on it. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "topic_request")
class TopicRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "topic_request_seq")
	@SequenceGenerator(name = "topic_request_seq", sequenceName = "topic_request_seq", allocationSize = 50)
	private Long id;

	@Column(name = "organization_id", nullable = false, updatable = false)
	private long organizationId;

	@Column(nullable = false)
	private int year;

	@ElementCollection
	@CollectionTable(name = "topic_request_topic", joinColumns = @JoinColumn(name = "request_id"))
	@Column(name = "topic_code")
	private Set<String> topics = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "topic_request_category", joinColumns = @JoinColumn(name = "request_id"))
	@Column(name = "category_code")
	private Set<String> categories = new HashSet<>();

	@Column(name = "preferred_form_code")
	private String preferredFormCode;

	@Column(name = "preferred_month")
	private Integer preferredMonth;

	@Column(name = "expected_participants", nullable = false)
	private int expectedParticipants;

	private String comment;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RequestStatus status = RequestStatus.SUBMITTED;

	@Column(name = "plan_item_id")
	private Long planItemId;

	@Column(name = "event_id")
	private Long eventId;

	@Column(name = "decline_reason")
	private String declineReason;

	@Column(name = "submitted_by", updatable = false)
	private String submittedBy;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Version
	private int version;

	protected TopicRequest() {
	}

	TopicRequest(long organizationId, String submittedBy) {
		this.organizationId = organizationId;
		this.submittedBy = submittedBy;
	}

	void describe(RequestCommand c) {
		year = c.year();
		replace(topics, c.topicCodes());
		replace(categories, c.categoryCodes());
		preferredFormCode = Rows.blankToNull(c.preferredFormCode());
		preferredMonth = c.preferredMonth();
		expectedParticipants = c.expectedParticipants();
		comment = Rows.blankToNull(c.comment());
	}

	void decide(RequestStatus status, Long planItemId, Long eventId, String reason, String username) {
		this.status = status;
		this.planItemId = status == RequestStatus.PLANNED ? planItemId : null;
		this.eventId = status == RequestStatus.HELD ? eventId : null;
		this.declineReason = status == RequestStatus.DECLINED ? Rows.blankToNull(reason) : null;
		this.decidedBy = status == RequestStatus.SUBMITTED ? null : username;
		this.decidedAt = status == RequestStatus.SUBMITTED ? null : Instant.now(UnionClock.current());
	}

	private static <T> void replace(Set<T> current, Set<T> wanted) {
		Set<T> target = wanted == null ? Set.of() : wanted;
		if (!current.equals(target)) {
			current.retainAll(target);
			current.addAll(target);
		}
	}

	Long getId() {
		return id;
	}

	long getOrganizationId() {
		return organizationId;
	}

	int getYear() {
		return year;
	}

	RequestStatus getStatus() {
		return status;
	}

	int getVersion() {
		return version;
	}
}
