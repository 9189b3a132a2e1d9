package kz.oqytu.organizations.domain;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import kz.oqytu.shared.db.JpaAuditing;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

import kz.oqytu.organizations.CommitteeKind;
import kz.oqytu.organizations.PrimaryKind;
import kz.oqytu.organizations.UnitLevel;

/** A node of the union tree. The parent is an id and the path is derived from it. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "org_unit")
class OrgUnit {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "org_unit_seq")
	@SequenceGenerator(name = "org_unit_seq", sequenceName = "org_unit_seq", allocationSize = 50)
	private Long id;

	@Column(name = "parent_id")
	private Long parentId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private UnitLevel level;

	@Enumerated(EnumType.STRING)
	@Column(name = "committee_kind")
	private CommitteeKind committeeKind;

	@Enumerated(EnumType.STRING)
	private PrimaryKind kind;

	@Column(name = "name_kk", nullable = false)
	private String nameKk;

	@Column(name = "name_ru")
	private String nameRu;

	private String address;

	@Column(name = "chair_name")
	private String chairName;

	@Column(name = "chair_phone")
	private String chairPhone;

	@Column(name = "chair_email")
	private String chairEmail;

	@Column(nullable = false)
	private boolean active = true;

	/** Maintained by the database from the parent's path (trigger org_unit_set_path), read back on write. */
	@Column(insertable = false, updatable = false)
	@Generated(event = { EventType.INSERT, EventType.UPDATE })
	private String path;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Version
	private int version;

	protected OrgUnit() {
	}

	static OrgUnit primary(long districtId) {
		OrgUnit unit = new OrgUnit();
		unit.level = UnitLevel.PRIMARY;
		unit.parentId = districtId;
		return unit;
	}

	/** A regional organization under the union's root (issue #17: added by an administrator in the UI). */
	static OrgUnit region(long rootId) {
		OrgUnit unit = new OrgUnit();
		unit.level = UnitLevel.REGION;
		unit.parentId = rootId;
		return unit;
	}

	/** A district or city committee of a region (the registry import adds those a new region needs). */
	static OrgUnit committee(long regionId, CommitteeKind kind) {
		OrgUnit unit = new OrgUnit();
		unit.level = UnitLevel.COMMITTEE;
		unit.committeeKind = kind;
		unit.parentId = regionId;
		return unit;
	}

	void describe(String nameKk, String nameRu, PrimaryKind kind, String address, String chairName, String chairPhone,
			String chairEmail, boolean active) {
		this.nameKk = nameKk;
		this.nameRu = nameRu;
		this.kind = kind;
		this.address = address;
		this.chairName = chairName;
		this.chairPhone = chairPhone;
		this.chairEmail = chairEmail;
		this.active = active;
	}

	void moveTo(long districtId) {
		this.parentId = districtId;
	}

	Long getId() {
		return id;
	}

	Long getParentId() {
		return parentId;
	}

	UnitLevel getLevel() {
		return level;
	}

	String getNameKk() {
		return nameKk;
	}

	String getNameRu() {
		return nameRu;
	}

	PrimaryKind getKind() {
		return kind;
	}

	String getAddress() {
		return address;
	}

	String getChairName() {
		return chairName;
	}

	String getChairPhone() {
		return chairPhone;
	}

	String getChairEmail() {
		return chairEmail;
	}

	boolean isActive() {
		return active;
	}

	String getPath() {
		return path;
	}

	int getVersion() {
		return version;
	}
}
