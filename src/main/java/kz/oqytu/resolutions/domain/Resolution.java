package kz.oqytu.resolutions.domain;

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
import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.shared.db.JpaAuditing;

/** An executive-committee resolution (an item of it) of a union body. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "resolution")
class Resolution {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resolution_seq")
	@SequenceGenerator(name = "resolution_seq", sequenceName = "resolution_seq", allocationSize = 50)
	private Long id;

	@Column(name = "org_unit_id", nullable = false, updatable = false)
	private long unitId;

	@Column(name = "adopted_on", nullable = false)
	private LocalDate adoptedOn;

	@Column(nullable = false)
	private String number;

	private String item;

	@Column(name = "title_kk")
	private String titleKk;

	@Column(name = "title_ru")
	private String titleRu;

	private String body;

	@Column(name = "control_by")
	private String controlBy;

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

	protected Resolution() {
	}

	Resolution(long unitId) {
		this.unitId = unitId;
	}

	void describe(ResolutionCommand c, String username) {
		adoptedOn = c.adoptedOn();
		number = c.number().strip();
		item = Rows.blankToNull(c.item());
		titleKk = Rows.blankToNull(c.titleKk());
		titleRu = Rows.blankToNull(c.titleRu());
		body = Rows.blankToNull(c.body());
		controlBy = Rows.blankToNull(c.controlBy());
		updatedBy = username;
	}

	Long getId() {
		return id;
	}

	long getUnitId() {
		return unitId;
	}

	int getVersion() {
		return version;
	}
}
