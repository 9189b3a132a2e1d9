package kz.oqytu.budget.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.budget.BudgetBody;
import kz.oqytu.budget.BudgetCommand;
import kz.oqytu.budget.BudgetCriteria;
import kz.oqytu.budget.BudgetLineCategory;
import kz.oqytu.budget.BudgetOverview;
import kz.oqytu.budget.BudgetRow;
import kz.oqytu.budget.BudgetRuleException;
import kz.oqytu.budget.BudgetShare;
import kz.oqytu.budget.BudgetStatus;
import kz.oqytu.budget.BudgetYear;
import kz.oqytu.budget.Budgets;
import kz.oqytu.budget.PlanFact;
import kz.oqytu.budget.TrainingNorm;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitLevel;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.shared.Percent;
import java.time.Clock;

@Service
class BudgetService implements Budgets {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final BudgetRepository budgets;

	private final BudgetNormRepository norms;

	private final BudgetBodies bodies;

	private final BudgetWorkbook workbook;

	private final JdbcClient jdbc;

	private final Clock clock;

	BudgetService(BudgetRepository budgets, BudgetNormRepository norms, BudgetBodies bodies, BudgetWorkbook workbook,
			JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.budgets = budgets;
		this.norms = norms;
		this.bodies = bodies;
		this.workbook = workbook;
		this.jdbc = jdbc;
	}

	// ---- for other modules

	@Override
	@Transactional(readOnly = true)
	public Optional<BudgetShare> share(long unitId, int year) {
		NormTable table = normTable();
		return jdbc.sql("select total_planned, total_actual, training_planned, training_actual from budget"
				+ " where org_unit_id = :unit and year = :year")
			.param("unit", unitId)
			.param("year", year)
			.query((rs, n) -> ShareRule.evaluate(unitId, year, rs.getBigDecimal("total_planned"),
					rs.getBigDecimal("total_actual"), rs.getBigDecimal("training_planned"),
					rs.getBigDecimal("training_actual"), table.forYear(year).share()))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<BudgetShare> shares(long unitId) {
		NormTable table = normTable();
		return jdbc.sql("select year, total_planned, total_actual, training_planned, training_actual from budget"
				+ " where org_unit_id = :unit order by year")
			.param("unit", unitId)
			.query((rs, n) -> ShareRule.evaluate(unitId, rs.getInt("year"), rs.getBigDecimal("total_planned"),
					rs.getBigDecimal("total_actual"), rs.getBigDecimal("training_planned"),
					rs.getBigDecimal("training_actual"), table.forYear(rs.getInt("year")).share()))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public TrainingNorm norm(int year) {
		return normTable().forYear(year);
	}

	// ---- pages

	@Override
	@Transactional(readOnly = true)
	public BudgetOverview overview(CurrentUser user, BudgetCriteria criteria) {
		requireStaff(user);
		int year = criteria.year();
		TrainingNorm norm = normTable().forYear(year);
		// Committees and the region are listed even without a budget (that is the point: who has
		// not reported); primary organizations only when they have one.
		List<BudgetRow> rows = jdbc.sql("""
				select u.id, u.level, u.name_kk, u.name_ru,
				       b.total_planned, b.total_actual, b.training_planned, b.training_actual
				from organizations_v_unit u
				left join budget b on b.org_unit_id = u.id and b.year = :year
				where %s
				  and (u.level in ('REGION', 'COMMITTEE') or (u.level = 'PRIMARY' and b.id is not null))
				""".formatted(Scopes.within("u.path", "scope")))
			.param("year", year)
			.param("scope", Scopes.prefix(user.scopePath()))
			.query((rs, n) -> row(rs, year, norm.share()))
			.list();
		List<BudgetRow> sorted = new ArrayList<>(rows);
		sorted.sort(order(criteria, LocaleContextHolder.getLocale()));
		return new BudgetOverview(year, norm, List.copyOf(sorted));
	}

	private static BudgetRow row(ResultSet rs, int year, Percent norm) throws SQLException {
		long id = rs.getLong("id");
		BigDecimal totalPlanned = rs.getBigDecimal("total_planned");
		BigDecimal totalActual = rs.getBigDecimal("total_actual");
		BigDecimal trainingPlanned = rs.getBigDecimal("training_planned");
		BigDecimal trainingActual = rs.getBigDecimal("training_actual");
		return new BudgetRow(id, rs.getString("name_kk"), rs.getString("name_ru"),
				UnitLevel.valueOf(rs.getString("level")), totalPlanned, totalActual, trainingPlanned, trainingActual,
				ShareRule.evaluate(id, year, totalPlanned, totalActual, trainingPlanned, trainingActual, norm));
	}

	/**
	 * The region first, then its committees, then primary organizations, each group in the chosen
	 * column's order; rows without a value last either way; ties by name.
	 */
	static Comparator<BudgetRow> order(BudgetCriteria criteria, Locale locale) {
		Collator collator = NameOrder.forReader(locale);
		Comparator<BudgetRow> byName = Comparator.comparing(r -> r.name(locale), kz.oqytu.shared.NaturalOrder.by(collator));
		boolean descending = criteria.descending();
		Comparator<BudgetRow> byStatus = Comparator.comparingInt((BudgetRow r) -> statusRank(r.share().status()));
		Comparator<BudgetRow> column = switch (criteria.sort()) {
			case NAME -> descending ? byName.reversed() : byName;
			case STATUS -> descending ? byStatus.reversed() : byStatus;
			case TOTAL -> valueOrder(r -> r.share().totalExpenditure(), descending);
			case TRAINING -> valueOrder(r -> r.share().trainingSpending(), descending);
			case SHARE -> valueOrder(r -> r.share().share(), descending);
			case SHORTFALL -> valueOrder(r -> r.share().shortfallAmount(), descending);
		};
		return Comparator.comparing(BudgetRow::level)
			.thenComparing(column)
			.thenComparing(byName);
	}

	private static <T extends Comparable<T>> Comparator<BudgetRow> valueOrder(Function<BudgetRow, T> value,
			boolean descending) {
		Comparator<T> natural = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
		return Comparator.comparing(value, Comparator.nullsLast(natural));
	}

	/** Worst first: below the norm, then no data, then meeting it. */
	private static int statusRank(BudgetStatus status) {
		return switch (status) {
			case BELOW -> 0;
			case NO_DATA -> 1;
			case MEETS -> 2;
		};
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		requireStaff(user);
		TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
		years.addAll(jdbc.sql("select distinct b.year from budget b join organizations_v_unit u on u.id = b.org_unit_id"
				+ " where " + Scopes.within("u.path", "scope"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(Integer.class)
			.list());
		years.add(LocalDate.now(clock).getYear());
		years.add(Budgets.lastYear(clock));
		return List.copyOf(years);
	}

	@Override
	@Transactional(readOnly = true)
	public byte[] overviewWorkbook(CurrentUser user, BudgetCriteria criteria, Locale locale) {
		BudgetOverview overview = overview(user, criteria);
		return workbook.write(overview, locale);
	}

	@Override
	@Transactional(readOnly = true)
	public BudgetBody body(CurrentUser user, long unitId) {
		Optional<BudgetBodies.Body> found = bodies.find(unitId);
		if (user.is(Role.CHAIR)) {
			// A chair sees their own organization's budget when it has one, and nothing else.
			if (found.isEmpty() || unitId != user.scopeUnitId()) {
				throw new AccessDeniedException("budget of " + unitId + " is not the chair's own");
			}
		}
		BudgetBodies.Body body = found.orElseThrow(() -> new NotFoundException("union body " + unitId));
		if (!user.covers(body.path())) {
			throw new AccessDeniedException("budget of " + unitId + " is outside the user's scope");
		}
		List<BudgetYear> years = years(unitId);
		if (user.is(Role.CHAIR) && years.isEmpty()) {
			throw new AccessDeniedException("the chair's organization has no budget");
		}
		return new BudgetBody(body.id(), body.nameKk(), body.nameRu(), body.level(), years);
	}

	private List<BudgetYear> years(long unitId) {
		NormTable table = normTable();
		Map<Integer, Map<BudgetLineCategory, PlanFact>> lines = new HashMap<>();
		jdbc.sql("select b.year, l.category, l.planned, l.actual from budget_line l"
				+ " join budget b on b.id = l.budget_id where b.org_unit_id = :unit")
			.param("unit", unitId)
			.query(rs -> {
				lines.computeIfAbsent(rs.getInt("year"), y -> new EnumMap<>(BudgetLineCategory.class))
					.put(BudgetLineCategory.valueOf(rs.getString("category")),
							new PlanFact(rs.getBigDecimal("planned"), rs.getBigDecimal("actual")));
			});
		return jdbc.sql("select year, total_planned, total_actual, training_planned, training_actual, version,"
				+ " updated_at, updated_by from budget where org_unit_id = :unit order by year desc")
			.param("unit", unitId)
			.query((rs, n) -> {
				int year = rs.getInt("year");
				BigDecimal tp = rs.getBigDecimal("total_planned");
				BigDecimal ta = rs.getBigDecimal("total_actual");
				BigDecimal rp = rs.getBigDecimal("training_planned");
				BigDecimal ra = rs.getBigDecimal("training_actual");
				return new BudgetYear(year, tp, ta, rp, ra, Map.copyOf(lines.getOrDefault(year, Map.of())),
						ShareRule.evaluate(unitId, year, tp, ta, rp, ra, table.forYear(year).share()), rs.getInt("version"),
						rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("updated_by"));
			})
			.list();
	}

	@Override
	@Transactional
	public void save(CurrentUser user, long unitId, int year, Integer version, BudgetCommand command) {
		writable(user, unitId);
		if (year < Budgets.firstYear() || year > Budgets.lastYear(clock)) {
			throw new BusinessRuleException("budget.error.year", Budgets.firstYear(), Budgets.lastYear(clock));
		}
		check(command);
		Budget budget = budgets.findByUnitIdAndYear(unitId, year).orElse(null);
		if (budget == null) {
			if (version != null) {
				throw new ConflictException("budget " + unitId + "/" + year + " was deleted");
			}
			budget = new Budget(unitId, year);
		}
		else if (version == null || budget.getVersion() != version) {
			throw new ConflictException("budget " + unitId + "/" + year);
		}
		budget.record(command, user.username());
		try {
			budgets.saveAndFlush(budget);
		}
		catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException ex) {
			// A concurrent edit, or someone else recorded the same body and year first.
			throw new ConflictException("budget " + unitId + "/" + year);
		}
	}

	static void check(BudgetCommand command) {
		List<BudgetRules.Violation> violations = BudgetRules.violations(command);
		if (!violations.isEmpty()) {
			throw new BudgetRuleException(violations.stream()
				.map(v -> new BusinessRuleException(v.field(), "budget.error." + v.code()))
				.toList());
		}
	}

	@Override
	@Transactional
	public void delete(CurrentUser user, long unitId, int year, int version) {
		writable(user, unitId);
		Budget budget = budgets.findByUnitIdAndYear(unitId, year)
			.orElseThrow(() -> new NotFoundException("budget " + unitId + "/" + year));
		if (budget.getVersion() != version) {
			throw new ConflictException("budget " + unitId + "/" + year);
		}
		try {
			budgets.delete(budget);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			budgets.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("budget " + unitId + "/" + year);
		}
	}

	private BudgetBodies.Body writable(CurrentUser user, long unitId) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
		BudgetBodies.Body body = bodies.find(unitId).orElseThrow(() -> new NotFoundException("union body " + unitId));
		if (!user.covers(body.path())) {
			throw new AccessDeniedException("budget of " + unitId + " is outside the user's scope");
		}
		return body;
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	// ---- norms

	@Override
	@Transactional(readOnly = true)
	public List<TrainingNorm> norms() {
		return normTable().norms();
	}

	NormTable normTable() {
		return new NormTable(jdbc.sql("select id, share, effective_from, version from budget_norm order by effective_from")
			.query((rs, n) -> new TrainingNorm(rs.getLong("id"), new Percent(rs.getBigDecimal("share")),
					rs.getObject("effective_from", LocalDate.class), rs.getInt("version")))
			.list());
	}

	@Override
	@Transactional
	public long addNorm(CurrentUser user, BigDecimal share, LocalDate effectiveFrom) {
		requireAdmin(user);
		checkNorm(share, effectiveFrom, -1);
		return norms.saveAndFlush(new BudgetNorm(share, effectiveFrom, user.username())).getId();
	}

	@Override
	@Transactional
	public void updateNorm(CurrentUser user, long id, int version, BigDecimal share, LocalDate effectiveFrom) {
		requireAdmin(user);
		BudgetNorm norm = norms.findById(id).orElseThrow(() -> new NotFoundException("norm " + id));
		if (norm.getVersion() != version) {
			throw new ConflictException("norm " + id);
		}
		checkNorm(share, effectiveFrom, id);
		norm.set(share, effectiveFrom, user.username());
		try {
			norms.saveAndFlush(norm);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("norm " + id);
		}
	}

	private void checkNorm(BigDecimal share, LocalDate effectiveFrom, long id) {
		if (share == null || share.signum() <= 0 || share.compareTo(HUNDRED) > 0
				|| share.stripTrailingZeros().scale() > 1) {
			throw new BusinessRuleException("share", "budget.error.normShare");
		}
		if (effectiveFrom == null || effectiveFrom.getYear() < Budgets.firstYear() || effectiveFrom.getYear() > 2100) {
			throw new BusinessRuleException("effectiveFrom", "budget.error.normDate");
		}
		if (norms.existsByEffectiveFromAndIdNot(effectiveFrom, id)) {
			throw new BusinessRuleException("effectiveFrom", "budget.error.normDateTaken");
		}
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.is(Role.ADMIN)) {
			throw new AccessDeniedException("norms are set by an administrator");
		}
	}
}
