package kz.oqytu.training.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import kz.oqytu.shared.db.JpaAuditing;
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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import kz.oqytu.training.ActiveMethod;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.VenueKind;

/** A seminar, round table, on-site session… with its head counts per category. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "training_event")
class TrainingEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_event_seq")
	@SequenceGenerator(name = "training_event_seq", sequenceName = "training_event_seq", allocationSize = 50)
	private Long id;

	@Column(name = "organizer_unit_id", nullable = false)
	private long organizerUnitId;

	@Column(name = "title_kk", nullable = false)
	private String titleKk;

	@Column(name = "title_ru")
	private String titleRu;

	@Column(name = "form_code", nullable = false)
	private String formCode;

	@ElementCollection
	@CollectionTable(name = "training_event_topic", joinColumns = @JoinColumn(name = "event_id"))
	@Column(name = "topic_code")
	private Set<String> topics = new HashSet<>();

	@Column(name = "starts_at", nullable = false)
	private LocalDateTime startsAt;

	@Column(name = "ends_at", nullable = false)
	private LocalDateTime endsAt;

	@Column(name = "academic_hours", nullable = false)
	private BigDecimal academicHours;

	@Enumerated(EnumType.STRING)
	@Column(name = "venue_kind", nullable = false)
	private VenueKind venueKind;

	@Column(name = "district_id")
	private Long districtId;

	@Column(name = "host_organization_id")
	private Long hostOrganizationId;

	@Column(name = "venue_details")
	private String venueDetails;

	private String trainers;

	@ElementCollection
	@CollectionTable(name = "training_event_method", joinColumns = @JoinColumn(name = "event_id"))
	@Column(name = "method")
	@Enumerated(EnumType.STRING)
	private Set<ActiveMethod> methods = EnumSet.noneOf(ActiveMethod.class);

	@Column(name = "announcement_url")
	private String announcementUrl;

	private String notes;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private EventStatus status;

	@ElementCollection
	@CollectionTable(name = "attendance_count", joinColumns = @JoinColumn(name = "event_id"))
	@MapKeyColumn(name = "category_code")
	@Column(name = "participants")
	private Map<String, Integer> headCounts = new HashMap<>();

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Version
	private int version;

	protected TrainingEvent() {
	}

	TrainingEvent(long organizerUnitId) {
		this.organizerUnitId = organizerUnitId;
	}

	@SuppressWarnings("checkstyle:ParameterNumber")
	void describe(String titleKk, String titleRu, String formCode, Set<String> topics, LocalDateTime startsAt,
			LocalDateTime endsAt, BigDecimal academicHours, VenueKind venueKind, Long districtId,
			Long hostOrganizationId, String venueDetails, String trainers, Set<ActiveMethod> methods,
			String announcementUrl, String notes, EventStatus status) {
		this.titleKk = titleKk;
		this.titleRu = titleRu;
		this.formCode = formCode;
		this.topics.clear();
		this.topics.addAll(topics);
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.academicHours = academicHours;
		this.venueKind = venueKind;
		this.districtId = districtId;
		this.hostOrganizationId = hostOrganizationId;
		this.venueDetails = venueDetails;
		this.trainers = trainers;
		this.methods.clear();
		this.methods.addAll(methods);
		this.announcementUrl = announcementUrl;
		this.notes = notes;
		this.status = status;
	}

	void setHeadCounts(Map<String, Integer> counts) {
		headCounts.clear();
		counts.forEach((category, n) -> {
			if (n != null && n > 0) {
				headCounts.put(category, n);
			}
		});
	}

	void cancel() {
		this.status = EventStatus.CANCELLED;
	}

	Long getId() {
		return id;
	}

	long getOrganizerUnitId() {
		return organizerUnitId;
	}

	String getTitleKk() {
		return titleKk;
	}

	String getTitleRu() {
		return titleRu;
	}

	String getFormCode() {
		return formCode;
	}

	Set<String> getTopics() {
		return topics;
	}

	LocalDateTime getStartsAt() {
		return startsAt;
	}

	LocalDateTime getEndsAt() {
		return endsAt;
	}

	BigDecimal getAcademicHours() {
		return academicHours;
	}

	VenueKind getVenueKind() {
		return venueKind;
	}

	Long getDistrictId() {
		return districtId;
	}

	Long getHostOrganizationId() {
		return hostOrganizationId;
	}

	String getVenueDetails() {
		return venueDetails;
	}

	String getTrainers() {
		return trainers;
	}

	Set<ActiveMethod> getMethods() {
		return methods;
	}

	String getAnnouncementUrl() {
		return announcementUrl;
	}

	String getNotes() {
		return notes;
	}

	EventStatus getStatus() {
		return status;
	}

	Map<String, Integer> getHeadCounts() {
		return headCounts;
	}

	int getVersion() {
		return version;
	}
}
