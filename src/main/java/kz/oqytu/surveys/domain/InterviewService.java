package kz.oqytu.surveys.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.Scopes;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.ConflictException;
import kz.oqytu.shared.NotFoundException;
import kz.oqytu.surveys.InterviewCommand;
import kz.oqytu.surveys.InterviewCriteria;
import kz.oqytu.surveys.InterviewView;
import kz.oqytu.surveys.Interviews;
import kz.oqytu.surveys.SurveyRuleException;
import java.time.Clock;

/**
 * Interviews, scoped by their organization's place in the union tree. Lists read org_unit by id and
 * path for names, the district and the scope (as the budget module does) in one query per page.
 */
@Service
class InterviewService implements Interviews {


	private static final String SELECT = """
			select i.id, i.held_on, i.organization_id, o.name_kk, o.name_ru, d.id as d_id, d.name_kk as d_kk,
			       d.name_ru as d_ru, i.interviewer, i.respondent_role, i.findings, i.usefulness, i.practical_use,
			       i.notes, i.created_by, i.version
			""";

	private static final String FROM = """
			 from interview i join organizations_v_unit o on o.id = i.organization_id join organizations_v_unit d on d.id = o.parent_id
			""";

	private final InterviewRepository interviews;

	private final Organizations organizations;

	private final JdbcClient jdbc;

	private final Clock clock;

	InterviewService(InterviewRepository interviews, Organizations organizations, JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.interviews = interviews;
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Page<InterviewView> search(CurrentUser user, InterviewCriteria c) {
		requireStaff(user);
		StringBuilder where = new StringBuilder(" where " + Scopes.within("o.path", "scope"));
		Map<String, Object> params = new HashMap<>();
		params.put("scope", Scopes.prefix(user.scopePath()));
		if (c.year() != null) {
			where.append(" and i.held_on >= :from and i.held_on < :to");
			params.put("from", LocalDate.of(c.year(), 1, 1));
			params.put("to", LocalDate.of(c.year() + 1, 1, 1));
		}
		if (c.districtId() != null) {
			where.append(" and o.parent_id = :district");
			params.put("district", c.districtId());
		}
		if (c.organization() != null) {
			where.append(" and (lower(o.name_kk) like :org or lower(coalesce(o.name_ru, '')) like :org)");
			params.put("org", "%" + escapeLike(c.organization().toLowerCase(java.util.Locale.ROOT)) + "%");
		}
		long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
		params.put("limit", c.size());
		params.put("offset", (long) c.page() * c.size());
		List<InterviewView> rows = jdbc
			.sql(SELECT + FROM + where + " order by i.held_on desc, i.id desc limit :limit offset :offset")
			.params(params)
			.query(InterviewService::view)
			.list();
		return new PageImpl<>(rows, PageRequest.of(c.page(), c.size()), total);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Integer> years(CurrentUser user) {
		requireStaff(user);
		TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
		years.addAll(jdbc.sql("select distinct extract(year from i.held_on)::int" + FROM + " where " + Scopes.within("o.path", "scope"))
			.param("scope", Scopes.prefix(user.scopePath()))
			.query(Integer.class)
			.list());
		years.add(LocalDate.now(clock).getYear());
		return List.copyOf(years);
	}

	@Override
	@Transactional(readOnly = true)
	public InterviewView one(CurrentUser user, long id) {
		requireStaff(user);
		InterviewView view = jdbc.sql(SELECT + FROM + " where i.id = :id")
			.param("id", id)
			.query(InterviewService::view)
			.optional()
			.orElseThrow(() -> new NotFoundException("interview " + id));
		requireCovered(user, view.organizationId());
		return view;
	}

	/** The organization's interviews, newest first; the caller has checked the scope. */
	List<InterviewView> ofOrganization(long organizationId) {
		return jdbc.sql(SELECT + FROM + " where i.organization_id = :org order by i.held_on desc, i.id desc")
			.param("org", organizationId)
			.query(InterviewService::view)
			.list();
	}

	@Override
	@Transactional
	public long create(CurrentUser user, InterviewCommand command) {
		requireWriter(user);
		check(user, command);
		long id = jdbc.sql("select nextval('survey_seq')").query(Long.class).single();
		Interview interview = new Interview(id, user.username());
		interview.record(command);
		interviews.saveAndFlush(interview);
		return id;
	}

	@Override
	@Transactional
	public void update(CurrentUser user, long id, int version, InterviewCommand command) {
		requireWriter(user);
		Interview interview = writable(user, id, version);
		check(user, command);
		interview.record(command);
		try {
			interviews.saveAndFlush(interview);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("interview " + id);
		}
	}

	@Override
	@Transactional
	public void delete(CurrentUser user, long id, int version) {
		requireWriter(user);
		Interview interview = writable(user, id, version);
		try {
			interviews.delete(interview);
			// flushed inside the try: a row changed meanwhile fails here as a conflict, not at commit
			interviews.flush();
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ConflictException("interview " + id);
		}
	}

	private Interview writable(CurrentUser user, long id, int version) {
		Interview interview = interviews.findById(id).orElseThrow(() -> new NotFoundException("interview " + id));
		requireCovered(user, interview.getOrganizationId());
		if (interview.getVersion() != version) {
			throw new ConflictException("interview " + id);
		}
		return interview;
	}

	private void check(CurrentUser user, InterviewCommand command) {
		List<BusinessRuleException> errors = InterviewRules.violations(command, LocalDate.now(clock));
		if (command.organizationId() != null) {
			UnitInfo unit = organizations.info(command.organizationId()).filter(UnitInfo::isPrimary).orElse(null);
			if (unit == null) {
				errors.add(new BusinessRuleException("organization", "surveys.interviews.error.organizationUnknown"));
			}
			else if (!user.covers(unit.path())) {
				throw new AccessDeniedException("organization " + unit.id() + " is outside the user's scope");
			}
		}
		if (!errors.isEmpty()) {
			throw new SurveyRuleException(errors);
		}
	}

	private void requireCovered(CurrentUser user, long organizationId) {
		String path = organizations.info(organizationId).map(UnitInfo::path).orElse(null);
		if (!user.covers(path)) {
			throw new AccessDeniedException("interview of organization " + organizationId + " is outside the scope");
		}
	}

	private static InterviewView view(ResultSet rs, int n) throws SQLException {
		return new InterviewView(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
				rs.getLong("organization_id"), rs.getString("name_kk"), rs.getString("name_ru"), rs.getLong("d_id"),
				rs.getString("d_kk"), rs.getString("d_ru"), rs.getString("interviewer"),
				rs.getString("respondent_role"), rs.getString("findings"), intOrNull(rs, "usefulness"),
				intOrNull(rs, "practical_use"), rs.getString("notes"), rs.getString("created_by"), rs.getInt("version"));
	}

	private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}

	private static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
