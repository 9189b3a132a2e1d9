package kz.oqytu.materials.domain;

import java.time.Instant;
import java.util.HashSet;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import kz.oqytu.materials.MaterialCommand;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialType;

/**
 * A methodical material: its description and which version is the latest. Versions, files and
 * distributions are rows of their own, written with SQL; the owner is an org_unit id.
 */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "material")
class Material {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "material_seq")
	@SequenceGenerator(name = "material_seq", sequenceName = "material_seq", allocationSize = 50)
	private Long id;

	@Column(name = "owner_unit_id", nullable = false, updatable = false)
	private long ownerUnitId;

	@Column(name = "title_kk", nullable = false)
	private String titleKk;

	@Column(name = "title_ru")
	private String titleRu;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MaterialType type;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MaterialLanguage language;

	private String description;

	@ElementCollection
	@CollectionTable(name = "material_topic", joinColumns = @JoinColumn(name = "material_id"))
	@Column(name = "topic_code")
	private Set<String> topics = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "material_event", joinColumns = @JoinColumn(name = "material_id"))
	@Column(name = "event_id")
	private Set<Long> events = new HashSet<>();

	@Column(name = "latest_version_id")
	private Long latestVersionId;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, updatable = false)
	private String createdBy;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false)
	private String updatedBy;

	@Version
	private int version;

	protected Material() {
	}

	Material(long ownerUnitId, String username) {
		this.ownerUnitId = ownerUnitId;
		this.createdBy = username;
		this.updatedBy = username;
	}

	void describe(MaterialCommand command, String username) {
		titleKk = command.titleKk().strip();
		titleRu = command.titleRu() == null || command.titleRu().isBlank() ? null : command.titleRu().strip();
		type = command.type();
		language = command.language();
		description = command.description() == null || command.description().isBlank() ? null
				: command.description().strip();
		topics.retainAll(command.topicCodes());
		topics.addAll(command.topicCodes());
		events.retainAll(command.eventIds());
		events.addAll(command.eventIds());
		updatedBy = username;
	}

	/** A new version supersedes the latest; the material changes with it (and its version counts up). */
	void supersede(long versionId, String username) {
		latestVersionId = versionId;
		updatedBy = username;
	}

	Long getId() {
		return id;
	}

	long getOwnerUnitId() {
		return ownerUnitId;
	}

	String getTitleKk() {
		return titleKk;
	}

	String getTitleRu() {
		return titleRu;
	}

	MaterialType getType() {
		return type;
	}

	MaterialLanguage getLanguage() {
		return language;
	}

	String getDescription() {
		return description;
	}

	Set<String> getTopics() {
		return topics;
	}

	Set<Long> getEvents() {
		return events;
	}

	Long getLatestVersionId() {
		return latestVersionId;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	String getCreatedBy() {
		return createdBy;
	}

	Instant getUpdatedAt() {
		return updatedAt;
	}

	String getUpdatedBy() {
		return updatedBy;
	}

	int getVersion() {
		return version;
	}
}
