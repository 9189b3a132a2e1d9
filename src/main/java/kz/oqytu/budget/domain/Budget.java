package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import kz.oqytu.shared.db.JpaAuditing;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetLineCategory;

/** A union body's budget for one year. The body is an org_unit id, never an association. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "budget")
class Budget {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_seq")
	@SequenceGenerator(name = "budget_seq", sequenceName = "budget_seq", allocationSize = 50)
	private Long id;

	@Column(name = "org_unit_id", nullable = false, updatable = false)
	private long unitId;

	@Column(nullable = false, updatable = false)
	private int year;

	@Column(name = "total_planned", precision = 16, scale = 2)
	private BigDecimal totalPlanned;

	@Column(name = "total_actual", precision = 16, scale = 2)
	private BigDecimal totalActual;

	@Column(name = "training_planned", precision = 16, scale = 2)
	private BigDecimal trainingPlanned;

	@Column(name = "training_actual", precision = 16, scale = 2)
	private BigDecimal trainingActual;

	/** Changing a line changes the budget: Hibernate bumps the version for owned collections too. */
	@ElementCollection
	@CollectionTable(name = "budget_line", joinColumns = @JoinColumn(name = "budget_id"))
	@MapKeyColumn(name = "category")
	@MapKeyEnumerated(EnumType.STRING)
	private Map<BudgetLineCategory, LineAmounts> lines = new HashMap<>();

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

	protected Budget() {
	}

	Budget(long unitId, int year) {
		this.unitId = unitId;
		this.year = year;
	}

	/** Takes the figures of a command that passed {@link BudgetRules}; amounts are kept to the tiyn. */
	void record(BudgetCommand command, String username) {
		totalPlanned = tenge(command.totalPlanned());
		totalActual = tenge(command.totalActual());
		trainingPlanned = tenge(command.trainingPlanned());
		trainingActual = tenge(command.trainingActual());
		lines.keySet().retainAll(command.lines().keySet());
		command.lines().forEach((category, amounts) -> {
			LineAmounts current = lines.get(category);
			BigDecimal planned = tenge(amounts.planned());
			BigDecimal actual = tenge(amounts.actual());
			if (current == null || !same(current.getPlanned(), planned) || !same(current.getActual(), actual)) {
				lines.put(category, new LineAmounts(planned, actual));
			}
		});
		updatedBy = username;
	}

	private static BigDecimal tenge(BigDecimal amount) {
		return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static boolean same(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	Long getId() {
		return id;
	}

	long getUnitId() {
		return unitId;
	}

	int getYear() {
		return year;
	}

	int getVersion() {
		return version;
	}
}
