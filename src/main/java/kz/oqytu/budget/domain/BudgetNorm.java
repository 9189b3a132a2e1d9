package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.oqytu.shared.time.UnionClock;

/** The norm's share and the date it took effect (a row of budget_norm). */
@Entity
@Table(name = "budget_norm")
class BudgetNorm {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_norm_seq")
	@SequenceGenerator(name = "budget_norm_seq", sequenceName = "budget_norm_seq", allocationSize = 50)
	private Long id;

	@Column(nullable = false, precision = 4, scale = 1)
	private BigDecimal share;

	@Column(name = "effective_from", nullable = false)
	private LocalDate effectiveFrom;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	@Version
	private int version;

	protected BudgetNorm() {
	}

	BudgetNorm(BigDecimal share, LocalDate effectiveFrom, String username) {
		set(share, effectiveFrom, username);
	}

	void set(BigDecimal share, LocalDate effectiveFrom, String username) {
		this.share = share;
		this.effectiveFrom = effectiveFrom;
		this.updatedBy = username;
	}

	@PrePersist
	void beforeInsert() {
		createdAt = Instant.now(UnionClock.current());
		updatedAt = createdAt;
	}

	@PreUpdate
	void beforeUpdate() {
		updatedAt = Instant.now(UnionClock.current());
	}

	Long getId() {
		return id;
	}

	int getVersion() {
		return version;
	}
}
