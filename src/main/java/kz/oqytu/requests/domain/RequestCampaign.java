package kz.oqytu.requests.domain;

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
import kz.oqytu.requests.CampaignCommand;
import kz.oqytu.shared.db.JpaAuditing;

/** A call to a body's primary organizations for their requests for a plan year, with a deadline. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "request_campaign")
class RequestCampaign {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_campaign_seq")
	@SequenceGenerator(name = "request_campaign_seq", sequenceName = "request_campaign_seq", allocationSize = 50)
	private Long id;

	@Column(name = "org_unit_id", nullable = false, updatable = false)
	private long unitId;

	@Column(nullable = false)
	private int year;

	@Column(name = "title_kk", nullable = false)
	private String titleKk;

	@Column(name = "title_ru")
	private String titleRu;

	@Column(name = "opens_on", nullable = false)
	private LocalDate opensOn;

	@Column(nullable = false)
	private LocalDate deadline;

	private String note;

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

	protected RequestCampaign() {
	}

	RequestCampaign(long unitId) {
		this.unitId = unitId;
	}

	void describe(CampaignCommand c, String username) {
		year = c.year();
		titleKk = c.titleKk().strip();
		titleRu = Rows.blankToNull(c.titleRu());
		opensOn = c.opensOn();
		deadline = c.deadline();
		note = Rows.blankToNull(c.note());
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
