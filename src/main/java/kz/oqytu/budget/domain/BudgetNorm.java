package kz.oqytu.budget.domain;

import java.math.BigDecimal;
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

/** The norm's share and the date it took effect (a row of budget_norm). */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
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
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
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

	Long getId() {
		return id;
	}

	int getVersion() {
		return version;
	}
}
