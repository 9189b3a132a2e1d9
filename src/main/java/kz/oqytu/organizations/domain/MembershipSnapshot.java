package kz.oqytu.organizations.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import kz.oqytu.shared.db.JpaAuditing;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Members of a primary organization on a date. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "membership_snapshot")
class MembershipSnapshot {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_snapshot_seq")
	@SequenceGenerator(name = "membership_snapshot_seq", sequenceName = "membership_snapshot_seq", allocationSize = 50)
	private Long id;

	@Column(name = "org_unit_id", nullable = false)
	private long orgUnitId;

	@Column(name = "as_of", nullable = false)
	private LocalDate asOf;

	@Column(nullable = false)
	private int members;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Version
	private int version;

	protected MembershipSnapshot() {
	}

	MembershipSnapshot(long orgUnitId, LocalDate asOf, int members) {
		this.orgUnitId = orgUnitId;
		this.asOf = asOf;
		this.members = members;
	}

	void setMembers(int members) {
		this.members = members;
	}

	int getMembers() {
		return members;
	}
}
