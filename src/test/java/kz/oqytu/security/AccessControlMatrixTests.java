package kz.oqytu.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.Role;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * ASVS V4 (issue #8, item 12): every route the application maps, taken from its own
 * {@link RequestMappingHandlerMapping}, against every kind of visitor: anonymous, the chair of
 * organization A, the chair of organization B, the methodologist, the executive committee, the national officer (issue #17) and the
 * administrator. The rule table below is the written access policy; a route without a rule (a new
 * controller method) fails the build until someone decides who may use it.
 *
 * <p>Path variables are real demo ids belonging to organization A (the demo chair's school), so the
 * chair of organization B asking for them is the "changed id in the URL" attack: it must get 403 or
 * 404 and never a page carrying A's data. Writes run in a transaction that is rolled back, so the
 * demo figures other tests pin stay as they are.
 */
@OqytuIntegrationTest
class AccessControlMatrixTests {

	/** Who may use a route. */
	enum Access {
		/** Anyone, signed in or not. */
		PUBLIC,
		/** Any signed-in account; nothing organization-specific in the address. */
		SIGNED_IN,
		/** Staff and the chair of the organization the address names; another chair gets 403 or 404. */
		OWN_ORGANIZATION,
		/** Like OWN_ORGANIZATION, but the executive committee only reads, so it is refused too. */
		OWN_ORGANIZATION_WRITE,
		/** Only the chair of the organization the address names (another chair: 403 or 404); staff are refused. */
		OWN_CHAIR,
		/** Kept by the organization's chair; the administrator may correct it; other staff are refused. */
		OWN_CHAIR_OR_ADMIN,
		/** Any chair, for their own organization; staff are refused. */
		CHAIRS,
		/** The error page: whoever reaches it gets it, never a login redirect or a 403. */
		ERROR_PAGE,
		/** ADMIN, METHODOLOGIST, EXECUTIVE. */
		STAFF,
		/** ADMIN, METHODOLOGIST. */
		WRITER,
		/** ADMIN only. */
		ADMIN,
		/**
		 * Records the approval of the account's own annual report (decision 0033): the methodologist
		 * and the administrator their region's, the national officer the national one; executives read.
		 */
		APPROVER
	}

	enum Visitor {
		ANONYMOUS(null), CHAIR_A("chair"), CHAIR_B(CHAIR_B_USERNAME), METHODOLOGIST("methodologist"),
		EXECUTIVE("executive"), ADMIN("admin"), NATIONAL(NATIONAL_USERNAME);

		final String username;

		Visitor(String username) {
			this.username = username;
		}
	}

	enum Outcome {
		ALLOWED, LOGIN, FORBIDDEN, HIDDEN, ERROR_PAGE
	}

	/**
	 * One route's rule: its method and pattern exactly as mapped, who may use it, and a real address
	 * to try. {@code unknownIdIsFine}: the sample names a staged upload that does not exist, so a
	 * permitted visitor gets 404; the point there is who is refused before the lookup.
	 */
	record Rule(String method, String pattern, Access access, String sample, boolean unknownIdIsFine) {
		String key() {
			return method + " " + pattern;
		}
	}

	static final String CHAIR_B_USERNAME = "matrix.chair.b";

	/** Issue #17: the national officer, scoped to the union's root, reads like an executive committee. */
	static final String NATIONAL_USERNAME = "matrix.national";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	java.time.Clock clock;

	private Ids ids;

	/** Real ids of the demo data, all belonging to (or visible from) organization A. */
	record Ids(long orgA, String orgAName, long orgB, long district, long event, long participantEvent, long participant,
			long material, long version, long request, long campaign, long planItem, long planItemEvent, long resolution,
			long task, long questionnaire, long interview, long norm, long user, String token, long schoolItem) {
	}

	@BeforeEach
	void demoIds() {
		long orgA = one("select scope_unit_id from app_user where username = 'chair'");
		String orgAName = jdbc.sql("select name_kk from org_unit where id = :id").param("id", orgA).query(String.class).single();
		// Organization B: a primary organization under another committee than A.
		long orgB = one("select o.id from org_unit o join org_unit a on a.id = " + orgA
				+ " where o.level = 'PRIMARY' and o.parent_id <> a.parent_id order by o.id limit 1");
		if (accounts.list().stream().noneMatch(a -> a.username().equals(CHAIR_B_USERNAME))) {
			accounts.create(new AccountCommand(CHAIR_B_USERNAME, "Chair of B", null, Role.CHAIR, orgB, "matrix-password"));
		}
		if (accounts.list().stream().noneMatch(a -> a.username().equals(NATIONAL_USERNAME))) {
			accounts.create(new AccountCommand(NATIONAL_USERNAME, "National officer", null, Role.NATIONAL_OFFICER, orgA,
					"matrix-password"));
		}
		long participant = one("select min(id) from event_participant");
		long planItemEvent = one("select min(e.event_id) from plan_item_event e join plan_item i on i.id = e.plan_item_id"
				+ " join training_plan p on p.id = i.plan_id where p.year = 2026");
		ids = new Ids(orgA, orgAName, orgB, one("select parent_id from org_unit where id = " + orgA),
				one("select min(id) from training_event"),
				one("select event_id from event_participant where id = " + participant), participant,
				one(SENT_TO_A_ONLY.formatted("material_id", orgA, orgB)), one(SENT_TO_A_ONLY.formatted("version_id", orgA, orgB)),
				one("select min(id) from topic_request where organization_id = " + orgA),
				one("select min(id) from request_campaign"),
				one("select min(e.plan_item_id) from plan_item_event e join plan_item i on i.id = e.plan_item_id"
						+ " join training_plan p on p.id = i.plan_id where p.year = 2026 and e.event_id = " + planItemEvent),
				planItemEvent, one("select min(id) from resolution"),
				one("select min(id) from resolution_task where resolution_id = (select min(id) from resolution)"),
				one("select min(id) from questionnaire"), one("select min(id) from interview"),
				one("select min(id) from budget_norm"),
				one("select id from app_user where username = '" + CHAIR_B_USERNAME + "'"),
				jdbc.sql("select token from event_survey order by id limit 1").query(String.class).single(),
				one("select min(i.id) from school_plan_item i join school_plan p on p.id = i.school_plan_id"
						+ " where p.organization_id = " + orgA + " and p.year = 2026"));
	}

	/** The first material version delivered to organization A and not to B. */
	private static final String SENT_TO_A_ONLY = "select %1$s from material_delivery d where org_unit_id = %2$d and not exists"
			+ " (select 1 from material_delivery b where b.version_id = d.version_id and b.org_unit_id = %3$d)"
			+ " order by version_id limit 1";

	private long one(String sql) {
		Long value = jdbc.sql(sql).query(Long.class).single();
		assertThat(value).as(sql).isNotNull();
		return value;
	}

	/** The access policy, one line per mapped route. */
	private List<Rule> rules() {
		Ids i = ids;
		String ev = "/events/" + i.event;
		String pe = "/events/" + i.participantEvent + "/participants";
		String upload = UUID.randomUUID().toString();
		String mat = "/materials/" + i.material;
		String planYear = "/plans/2026";
		String planItem = planYear + "/items/" + i.planItem;
		String res = "/resolutions/" + i.resolution;
		String school = "/schools/" + i.orgA + "/2026";
		String body = "/budget/bodies/" + i.orgA;
		List<Rule> r = new ArrayList<>();
		// web, login, errors
		r.add(rule("GET /", Access.SIGNED_IN, "/"));
		r.add(rule("GET /login", Access.PUBLIC, "/login"));
		r.add(rule("ANY /error", Access.ERROR_PAGE, "/error"));
		// the user guide: public, a participant reads it without an account (decision 0027)
		r.add(rule("GET /help", Access.PUBLIC, "/help"));
		r.add(rule("GET /help/{chapter}", Access.PUBLIC, "/help/participant"));
		// accounts
		r.add(rule("GET /account/password", Access.SIGNED_IN, "/account/password"));
		r.add(rule("POST /account/password", Access.SIGNED_IN, "/account/password"));
		r.add(rule("GET /admin/audit", Access.ADMIN, "/admin/audit"));
		// notifications and reminders (an unknown message id: the point is who is refused before the lookup)
		r.add(rule("GET /admin/outbox", Access.ADMIN, "/admin/outbox"));
		r.add(upload("GET /admin/outbox/{id}", Access.ADMIN, "/admin/outbox/987654321"));
		r.add(upload("POST /admin/outbox/{id}/retry", Access.ADMIN, "/admin/outbox/987654321/retry"));
		r.add(rule("POST /admin/outbox/test", Access.ADMIN, "/admin/outbox/test"));
		r.add(rule("GET /admin/reminders", Access.ADMIN, "/admin/reminders"));
		r.add(rule("POST /admin/reminders", Access.ADMIN, "/admin/reminders?enabled=CAMPAIGN_DEADLINE&enabled=FOLLOW_UP_SURVEY"
				+ "&enabled=SCHOOL_PLAN_DUE&enabled=MATERIAL_UNACKNOWLEDGED"));
		r.add(rule("GET /account/notifications", Access.SIGNED_IN, "/account/notifications"));
		r.add(rule("POST /account/notifications", Access.SIGNED_IN, "/account/notifications?language=kk"
				+ "&wanted=CAMPAIGN_DEADLINE&wanted=FOLLOW_UP_SURVEY&wanted=SCHOOL_PLAN_DUE&wanted=MATERIAL_UNACKNOWLEDGED"));
		r.add(rule("GET /admin/users", Access.ADMIN, "/admin/users"));
		// issue 17: regions added in the UI
		r.add(rule("GET /admin/regions", Access.ADMIN, "/admin/regions"));
		r.add(rule("POST /admin/regions", Access.ADMIN, "/admin/regions"));
		r.add(rule("GET /admin/users/new", Access.ADMIN, "/admin/users/new"));
		r.add(rule("POST /admin/users/new", Access.ADMIN, "/admin/users/new"));
		r.add(rule("GET /admin/users/units", Access.ADMIN, "/admin/users/units"));
		r.add(rule("GET /admin/users/{id}/edit", Access.ADMIN, "/admin/users/" + i.user + "/edit"));
		r.add(rule("POST /admin/users/{id}/edit", Access.ADMIN, "/admin/users/" + i.user + "/edit"));
		r.add(rule("POST /admin/users/{id}/enabled", Access.ADMIN, "/admin/users/" + i.user + "/enabled"));
		r.add(rule("POST /admin/users/{id}/password", Access.ADMIN, "/admin/users/" + i.user + "/password"));
		// accounts: invitations and forgotten passwords (issue #18); an unknown link answers 404, a page
		r.add(rule("POST /admin/users/{id}/invitation", Access.ADMIN, "/admin/users/" + i.user + "/invitation"));
		r.add(rule("POST /admin/users/{id}/invitation/revoke", Access.ADMIN, "/admin/users/" + i.user + "/invitation/revoke"));
		r.add(rule("GET /admin/users/chairs", Access.ADMIN, "/admin/users/chairs"));
		r.add(rule("POST /admin/users/chairs", Access.ADMIN, "/admin/users/chairs"));
		r.add(rule("GET /admin/users/chairs/{id}", Access.ADMIN, "/admin/users/chairs/" + UUID.randomUUID()));
		r.add(rule("POST /admin/users/chairs/{id}/commit", Access.ADMIN, "/admin/users/chairs/" + UUID.randomUUID() + "/commit"));
		r.add(rule("POST /admin/users/chairs/registry", Access.ADMIN, "/admin/users/chairs/registry"));
		r.add(unknownLink("GET /invitations/{token}", "/invitations/" + "A".repeat(43)));
		r.add(unknownLink("POST /invitations/{token}", "/invitations/" + "A".repeat(43)));
		r.add(rule("GET /password/forgot", Access.PUBLIC, "/password/forgot"));
		r.add(rule("POST /password/forgot", Access.PUBLIC, "/password/forgot"));
		r.add(rule("GET /password/forgot/sent", Access.PUBLIC, "/password/forgot/sent"));
		r.add(unknownLink("GET /password/reset/{token}", "/password/reset/" + "A".repeat(43)));
		r.add(unknownLink("POST /password/reset/{token}", "/password/reset/" + "A".repeat(43)));
		// budget
		r.add(rule("GET /budget", Access.STAFF, "/budget"));
		r.add(rule("GET /budget/export.xlsx", Access.STAFF, "/budget/export.xlsx"));
		r.add(rule("GET /budget/bodies/{unitId}", Access.OWN_ORGANIZATION, body));
		r.add(rule("GET /budget/bodies/{unitId}/edit", Access.WRITER, body + "/edit"));
		r.add(rule("GET /budget/bodies/{unitId}/{year}/edit", Access.WRITER, body + "/2026/edit"));
		r.add(rule("POST /budget/bodies/{unitId}/{year}/edit", Access.WRITER, body + "/2026/edit"));
		r.add(rule("POST /budget/bodies/{unitId}/{year}/delete", Access.WRITER, body + "/2026/delete?version=0"));
		r.add(rule("GET /budget/import", Access.WRITER, "/budget/import"));
		r.add(rule("POST /budget/import", Access.WRITER, "/budget/import"));
		r.add(rule("GET /budget/import/template.xlsx", Access.WRITER, "/budget/import/template.xlsx"));
		r.add(upload("GET /budget/import/{id}", Access.WRITER, "/budget/import/" + upload));
		r.add(upload("POST /budget/import/{id}/commit", Access.WRITER, "/budget/import/" + upload + "/commit"));
		r.add(rule("GET /budget/norms", Access.ADMIN, "/budget/norms"));
		r.add(rule("POST /budget/norms", Access.ADMIN, "/budget/norms"));
		r.add(rule("GET /budget/norms/{id}/edit", Access.ADMIN, "/budget/norms/" + i.norm + "/edit"));
		r.add(rule("POST /budget/norms/{id}/edit", Access.ADMIN, "/budget/norms/" + i.norm + "/edit"));
		// reports
		r.add(rule("GET /dashboard", Access.STAFF, "/dashboard"));
		r.add(rule("GET /reports/coverage", Access.STAFF, "/reports/coverage?year=2026"));
		r.add(rule("GET /reports/coverage.pdf", Access.STAFF, "/reports/coverage.pdf?year=2026"));
		r.add(rule("GET /reports/coverage.xlsx", Access.STAFF, "/reports/coverage.xlsx?year=2026"));
		r.add(rule("POST /reports/coverage/approval", Access.APPROVER, "/reports/coverage/approval"));
		r.add(rule("GET /staff-reports", Access.STAFF, "/staff-reports?year=2026"));
		r.add(rule("GET /staff-reports.docx", Access.STAFF, "/staff-reports.docx?year=2026"));
		r.add(rule("GET /staff-reports.pdf", Access.STAFF, "/staff-reports.pdf?year=2026"));
		r.add(rule("POST /staff-reports/versions", Access.WRITER, "/staff-reports/versions?year=2026"));
		r.add(rule("POST /staff-reports/approval", Access.WRITER, "/staff-reports/approval?year=2026&version=1"));
		// issue #22, part 3: drafting the plan from the coverage gap is the region's writers' only
		r.add(rule("GET /plan-drafts", Access.WRITER, "/plan-drafts?year=2027&target=25"));
		r.add(rule("POST /plan-drafts", Access.WRITER, "/plan-drafts?year=2027&target=25"));
		// decision 0049: the resolution drafted from the approved staff report (no draft in the demo data:
		// a permitted visitor's edits and the DOCX answer 404, the point is who is refused before that)
		r.add(rule("GET /staff-reports/resolution", Access.STAFF, "/staff-reports/resolution?year=2026"));
		r.add(upload("GET /staff-reports/resolution.docx", Access.STAFF, "/staff-reports/resolution.docx?year=2026"));
		r.add(rule("POST /staff-reports/resolution", Access.WRITER, "/staff-reports/resolution?year=2026"));
		r.add(upload("POST /staff-reports/resolution/texts", Access.WRITER, "/staff-reports/resolution/texts?year=2026&version=0"));
		r.add(upload("POST /staff-reports/resolution/items/remove", Access.WRITER,
				"/staff-reports/resolution/items/remove?year=2026&version=0&item=1"));
		r.add(upload("POST /staff-reports/resolution/items/add", Access.WRITER,
				"/staff-reports/resolution/items/add?year=2026&version=0"));
		r.add(upload("POST /staff-reports/resolution/items/move", Access.WRITER,
				"/staff-reports/resolution/items/move?year=2026&version=0&item=1&direction=up"));
		r.add(upload("POST /staff-reports/resolution/adoption", Access.WRITER,
				"/staff-reports/resolution/adoption?year=2026&version=0&number=1&adoptedOn=2026-03-01"));
		r.add(rule("GET /reports/monitoring", Access.STAFF, "/reports/monitoring?year=2025"));
		r.add(rule("GET /reports/monitoring.xlsx", Access.STAFF, "/reports/monitoring.xlsx?year=2025"));
		// training
		r.add(rule("GET /events", Access.STAFF, "/events"));
		r.add(rule("GET /events/participants.xlsx", Access.STAFF, "/events/participants.xlsx?year=2025&month=3"));
		r.add(rule("GET /events/calendar", Access.STAFF, "/events/calendar"));
		r.add(rule("GET /events/host-options", Access.WRITER, "/events/host-options?q=a"));
		r.add(rule("GET /events/new", Access.WRITER, "/events/new"));
		r.add(rule("POST /events/new", Access.WRITER, "/events/new"));
		r.add(rule("GET /events/{id}", Access.STAFF, ev));
		r.add(rule("GET /events/{id}/edit", Access.WRITER, ev + "/edit"));
		r.add(rule("POST /events/{id}/edit", Access.WRITER, ev + "/edit"));
		r.add(rule("POST /events/{id}/attendance", Access.WRITER, ev + "/attendance"));
		r.add(rule("POST /events/{id}/organization-counts", Access.WRITER, ev + "/organization-counts"));
		r.add(rule("GET /events/{id}/organization-counts/options", Access.WRITER, ev + "/organization-counts/options?q=a"));
		r.add(rule("GET /events/{id}/organization-counts", Access.WRITER, ev + "/organization-counts"));
		r.add(rule("POST /events/{id}/organization-counts/one", Access.WRITER, ev + "/organization-counts/one"));
		r.add(rule("POST /events/{id}/cancel", Access.WRITER, ev + "/cancel?version=0"));
		r.add(rule("GET /events/{id}/participants", Access.STAFF, pe));
		r.add(rule("POST /events/{id}/participants", Access.WRITER, pe));
		r.add(rule("GET /events/{id}/participants/organization-options", Access.WRITER, pe + "/organization-options?q=a"));
		r.add(rule("POST /events/{id}/participants/{participantId}/delete", Access.WRITER, pe + "/" + i.participant + "/delete"));
		r.add(rule("GET /events/{id}/participants/template.xlsx", Access.WRITER, pe + "/template.xlsx"));
		r.add(rule("POST /events/{id}/participants/import", Access.WRITER, pe + "/import"));
		r.add(upload("GET /events/{id}/participants/import/{uploadId}", Access.WRITER, pe + "/import/" + upload));
		r.add(upload("GET /events/{id}/participants/import/{uploadId}/columns", Access.WRITER, pe + "/import/" + upload + "/columns"));
		r.add(upload("POST /events/{id}/participants/import/{uploadId}/commit", Access.WRITER, pe + "/import/" + upload + "/commit"));
		r.add(rule("GET /events/{id}/plan-panel", Access.STAFF, ev + "/plan-panel"));
		r.add(rule("POST /events/{id}/plan-item", Access.WRITER, ev + "/plan-item?itemId=" + i.planItem));
		r.add(rule("POST /events/{id}/plan-item/remove", Access.WRITER, ev + "/plan-item/remove?itemId=" + i.planItem));
		// surveys
		r.add(rule("GET /events/{id}/survey", Access.STAFF, ev + "/survey"));
		r.add(rule("GET /events/{id}/survey-panel", Access.STAFF, ev + "/survey-panel"));
		r.add(rule("GET /events/{id}/survey/handout", Access.STAFF, ev + "/survey/handout"));
		r.add(rule("GET /events/{id}/survey/handout.pdf", Access.STAFF, ev + "/survey/handout.pdf"));
		r.add(rule("GET /events/{id}/survey/qr.png", Access.STAFF, ev + "/survey/qr.png"));
		r.add(rule("GET /events/{id}/survey/qr.svg", Access.STAFF, ev + "/survey/qr.svg"));
		r.add(rule("GET /events/{id}/survey/results", Access.STAFF, ev + "/survey/results"));
		r.add(rule("GET /events/{id}/survey/results.xlsx", Access.STAFF, ev + "/survey/results.xlsx"));
		r.add(rule("POST /events/{id}/survey/open", Access.WRITER, ev + "/survey/open?kind=POST_EVENT"));
		r.add(rule("POST /events/{id}/survey/close", Access.WRITER, ev + "/survey/close?kind=POST_EVENT"));
		r.add(rule("POST /events/{id}/survey/window", Access.WRITER, ev + "/survey/window?kind=POST_EVENT"));
		r.add(rule("GET /events/{id}/survey/paper", Access.WRITER, ev + "/survey/paper?kind=POST_EVENT"));
		r.add(rule("POST /events/{id}/survey/paper", Access.WRITER, ev + "/survey/paper?kind=POST_EVENT"));
		r.add(rule("GET /events/{id}/survey/paper.pdf", Access.STAFF, ev + "/survey/paper.pdf?lang=ru"));
		r.add(rule("GET /s", Access.PUBLIC, "/s"));
		r.add(rule("GET /s/{token}", Access.PUBLIC, "/s/" + i.token));
		r.add(rule("GET /s/{token}/qr.png", Access.PUBLIC, "/s/" + i.token + "/qr.png"));
		r.add(rule("POST /s/{token}", Access.PUBLIC, "/s/" + i.token));
		r.add(rule("GET /s/{token}/thanks", Access.PUBLIC, "/s/" + i.token + "/thanks"));
		r.add(rule("GET /s/{token}/organizations", Access.PUBLIC, "/s/" + i.token + "/organizations?q=a"));
		// the demo event's follow-up has opened already, so its reminder is a 404 there: public all the same
		r.add(upload("GET /s/{token}/follow-up.ics", Access.PUBLIC, "/s/" + i.token + "/follow-up.ics"));
		r.add(rule("GET /s/sw.js", Access.PUBLIC, "/s/sw.js"));
		r.add(rule("GET /surveys/demand", Access.STAFF, "/surveys/demand"));
		r.add(rule("GET /surveys/results", Access.STAFF, "/surveys/results"));
		r.add(rule("GET /surveys/other-topics", Access.STAFF, "/surveys/other-topics?year=2025"));
		r.add(rule("POST /surveys/other-topics/map", Access.WRITER,
				"/surveys/other-topics/map?text=psychology&topic=COMMUNICATION&year=2025"));
		r.add(rule("POST /surveys/other-topics/unmap", Access.WRITER,
				"/surveys/other-topics/unmap?text=psychology&year=2025"));
		r.add(rule("GET /surveys/interviews", Access.STAFF, "/surveys/interviews"));
		r.add(rule("GET /surveys/interviews/new", Access.WRITER, "/surveys/interviews/new"));
		r.add(rule("POST /surveys/interviews/new", Access.WRITER, "/surveys/interviews/new"));
		r.add(rule("GET /surveys/interviews/organization-options", Access.WRITER, "/surveys/interviews/organization-options?q=a"));
		r.add(rule("GET /surveys/interviews/{id}", Access.STAFF, "/surveys/interviews/" + i.interview));
		r.add(rule("GET /surveys/interviews/{id}/edit", Access.WRITER, "/surveys/interviews/" + i.interview + "/edit"));
		r.add(rule("POST /surveys/interviews/{id}/edit", Access.WRITER, "/surveys/interviews/" + i.interview + "/edit"));
		r.add(rule("POST /surveys/interviews/{id}/delete", Access.WRITER, "/surveys/interviews/" + i.interview + "/delete?version=0"));
		r.add(rule("GET /surveys/organizations/{id}", Access.OWN_ORGANIZATION, "/surveys/organizations/" + i.orgA));
		r.add(rule("GET /surveys/questionnaires", Access.STAFF, "/surveys/questionnaires"));
		r.add(rule("GET /surveys/questionnaires/{id}", Access.STAFF, "/surveys/questionnaires/" + i.questionnaire));
		r.add(rule("GET /surveys/questionnaires/{id}/edit", Access.WRITER, "/surveys/questionnaires/" + i.questionnaire + "/edit"));
		r.add(rule("POST /surveys/questionnaires/{id}/edit", Access.WRITER, "/surveys/questionnaires/" + i.questionnaire + "/edit"));
		// materials
		r.add(rule("GET /materials", Access.SIGNED_IN, "/materials"));
		r.add(rule("GET /materials/new", Access.WRITER, "/materials/new"));
		r.add(rule("POST /materials/new", Access.WRITER, "/materials/new"));
		r.add(rule("GET /materials/event-options", Access.WRITER, "/materials/event-options?q=a"));
		r.add(rule("GET /materials/organization-options", Access.WRITER, "/materials/organization-options?q=a"));
		r.add(rule("GET /materials/sent", Access.SIGNED_IN, "/materials/sent"));
		r.add(rule("GET /materials/{id}", Access.OWN_ORGANIZATION, mat));
		r.add(rule("GET /materials/{id}/edit", Access.WRITER, mat + "/edit"));
		r.add(rule("POST /materials/{id}/edit", Access.WRITER, mat + "/edit"));
		r.add(rule("GET /materials/{id}/versions/new", Access.WRITER, mat + "/versions/new"));
		r.add(rule("POST /materials/{id}/versions/new", Access.WRITER, mat + "/versions/new"));
		r.add(rule("GET /materials/{id}/versions/{versionId}/download", Access.OWN_ORGANIZATION, mat + "/versions/" + i.version + "/download"));
		r.add(rule("POST /materials/{id}/versions/{versionId}/acknowledge", Access.OWN_CHAIR,
				mat + "/versions/" + i.version + "/acknowledge"));
		r.add(rule("GET /materials/{id}/distribute", Access.WRITER, mat + "/distribute"));
		r.add(rule("POST /materials/{id}/distribute", Access.WRITER, mat + "/distribute"));
		r.add(rule("GET /materials/{id}/register", Access.STAFF, mat + "/register"));
		// organizations
		r.add(rule("GET /organizations", Access.STAFF, "/organizations"));
		r.add(rule("GET /organizations/districts", Access.STAFF, "/organizations/districts"));
		r.add(rule("GET /organizations/new", Access.WRITER, "/organizations/new"));
		r.add(rule("POST /organizations/new", Access.WRITER, "/organizations/new"));
		r.add(rule("GET /organizations/{id}", Access.OWN_ORGANIZATION, "/organizations/" + i.orgA));
		r.add(rule("GET /organizations/{id}/portal", Access.OWN_ORGANIZATION, "/organizations/" + i.orgA + "/portal"));
		r.add(rule("GET /organizations/{id}/edit", Access.WRITER, "/organizations/" + i.orgA + "/edit"));
		r.add(rule("POST /organizations/{id}/edit", Access.WRITER, "/organizations/" + i.orgA + "/edit"));
		r.add(rule("POST /organizations/{id}/membership", Access.WRITER, "/organizations/" + i.orgA + "/membership"));
		r.add(rule("POST /organizations/{id}/aliases", Access.WRITER, "/organizations/" + i.orgA + "/aliases?alias=СШ №99"));
		r.add(rule("POST /organizations/{id}/aliases/{aliasId}/delete", Access.WRITER,
				"/organizations/" + i.orgA + "/aliases/999999/delete"));
		r.add(rule("GET /organizations/import", Access.WRITER, "/organizations/import"));
		r.add(rule("GET /organizations/import/membership-template.xlsx", Access.WRITER, "/organizations/import/membership-template.xlsx"));
		r.add(rule("GET /organizations/import/registry-template.xlsx", Access.WRITER, "/organizations/import/registry-template.xlsx"));
		r.add(rule("POST /organizations/import/{kind}", Access.WRITER, "/organizations/import/registry"));
		r.add(upload("GET /organizations/import/{kind}/{id}", Access.WRITER, "/organizations/import/registry/" + upload));
		r.add(upload("POST /organizations/import/{kind}/{id}/commit", Access.WRITER, "/organizations/import/registry/" + upload + "/commit"));
		// planning
		r.add(rule("GET /plans", Access.STAFF, "/plans"));
		r.add(rule("POST /plans", Access.WRITER, "/plans"));
		r.add(rule("GET /plans/organization-options", Access.WRITER, "/plans/organization-options?q=a"));
		r.add(rule("GET /plans/{year}", Access.STAFF, planYear));
		r.add(rule("GET /plans/{year}.xlsx", Access.STAFF, planYear + ".xlsx"));
		r.add(rule("POST /plans/{year}/approval", Access.WRITER, planYear + "/approval"));
		r.add(rule("POST /plans/{year}/copy", Access.WRITER, planYear + "/copy"));
		r.add(rule("GET /plans/{year}/review", Access.WRITER, planYear + "/review"));
		r.add(rule("POST /plans/{year}/review", Access.WRITER, planYear + "/review"));
		r.add(rule("GET /plans/{year}/items/new", Access.WRITER, planYear + "/items/new"));
		r.add(rule("POST /plans/{year}/items/new", Access.WRITER, planYear + "/items/new"));
		r.add(rule("GET /plans/{year}/items/{id}", Access.STAFF, planItem));
		r.add(rule("GET /plans/{year}/items/{id}/edit", Access.WRITER, planItem + "/edit"));
		r.add(rule("POST /plans/{year}/items/{id}/edit", Access.WRITER, planItem + "/edit"));
		r.add(rule("POST /plans/{year}/items/{id}/delete", Access.WRITER, planItem + "/delete?version=0"));
		r.add(rule("POST /plans/{year}/items/{id}/events", Access.WRITER, planItem + "/events?eventId=" + i.event));
		r.add(rule("POST /plans/{year}/items/{id}/events/{eventId}/unlink", Access.WRITER,
				planItem + "/events/" + i.planItemEvent + "/unlink"));
		r.add(rule("GET /schools", Access.STAFF, "/schools"));
		r.add(rule("GET /schools/{organizationId}/{year}", Access.OWN_ORGANIZATION, school));
		r.add(rule("GET /schools/{organizationId}/{year}/items/new", Access.OWN_CHAIR_OR_ADMIN, school + "/items/new"));
		// the 2026 plan has items, so a permitted copy is refused with a message and writes nothing
		r.add(rule("POST /schools/{organizationId}/{year}/copy-previous", Access.OWN_CHAIR_OR_ADMIN, school + "/copy-previous"));
		r.add(rule("POST /schools/{organizationId}/{year}/from-requests", Access.OWN_CHAIR_OR_ADMIN, school + "/from-requests"));
		r.add(rule("POST /schools/{organizationId}/{year}/items/new", Access.OWN_CHAIR_OR_ADMIN, school + "/items/new"));
		r.add(rule("GET /schools/{organizationId}/{year}/items/{id}/edit", Access.OWN_CHAIR_OR_ADMIN,
				school + "/items/" + i.schoolItem + "/edit"));
		r.add(rule("POST /schools/{organizationId}/{year}/items/{id}/edit", Access.OWN_CHAIR_OR_ADMIN,
				school + "/items/" + i.schoolItem + "/edit"));
		r.add(rule("POST /schools/{organizationId}/{year}/items/{id}/delete", Access.OWN_CHAIR_OR_ADMIN,
				school + "/items/" + i.schoolItem + "/delete?version=0"));
		r.add(rule("GET /requests", Access.SIGNED_IN, "/requests"));
		r.add(rule("GET /requests/new", Access.CHAIRS, "/requests/new"));
		r.add(rule("POST /requests/new", Access.CHAIRS, "/requests/new"));
		r.add(rule("GET /requests/{id}", Access.OWN_ORGANIZATION, "/requests/" + i.request));
		r.add(rule("GET /requests/{id}/edit", Access.OWN_CHAIR, "/requests/" + i.request + "/edit"));
		r.add(rule("POST /requests/{id}/edit", Access.OWN_CHAIR, "/requests/" + i.request + "/edit"));
		r.add(rule("POST /requests/{id}/withdraw", Access.OWN_CHAIR, "/requests/" + i.request + "/withdraw?version=0"));
		r.add(rule("POST /requests/{id}/decision", Access.WRITER, "/requests/" + i.request + "/decision"));
		r.add(rule("GET /requests/demand", Access.STAFF, "/requests/demand"));
		r.add(rule("GET /requests/campaigns", Access.STAFF, "/requests/campaigns"));
		r.add(rule("POST /requests/campaigns", Access.WRITER, "/requests/campaigns"));
		r.add(rule("GET /requests/campaigns/{id}", Access.STAFF, "/requests/campaigns/" + i.campaign));
		r.add(rule("GET /requests/campaigns/{id}/edit", Access.WRITER, "/requests/campaigns/" + i.campaign + "/edit"));
		r.add(rule("POST /requests/campaigns/{id}/edit", Access.WRITER, "/requests/campaigns/" + i.campaign + "/edit"));
		r.add(rule("GET /resolutions", Access.STAFF, "/resolutions"));
		r.add(rule("GET /resolutions/new", Access.WRITER, "/resolutions/new"));
		r.add(rule("POST /resolutions/new", Access.WRITER, "/resolutions/new"));
		r.add(rule("GET /resolutions/{id}", Access.STAFF, res));
		r.add(rule("GET /resolutions/{id}/edit", Access.WRITER, res + "/edit"));
		r.add(rule("POST /resolutions/{id}/edit", Access.WRITER, res + "/edit"));
		r.add(rule("GET /resolutions/{id}/tasks/new", Access.WRITER, res + "/tasks/new"));
		r.add(rule("POST /resolutions/{id}/tasks/new", Access.WRITER, res + "/tasks/new"));
		r.add(rule("GET /resolutions/{id}/tasks/{taskId}/edit", Access.WRITER, res + "/tasks/" + i.task + "/edit"));
		r.add(rule("POST /resolutions/{id}/tasks/{taskId}/edit", Access.WRITER, res + "/tasks/" + i.task + "/edit"));
		r.add(rule("POST /resolutions/{id}/tasks/{taskId}/delete", Access.WRITER, res + "/tasks/" + i.task + "/delete?version=0"));
		// calendar feeds (issue #20, part 3): the feed is public at its secret address; the addresses a
		// signed-in person may copy; an organization's address renewed by its chair or an administrator
		// (a committee's or region's by the methodologist: CalendarFeedTests); an event open to A as a file
		r.add(rule("GET /feeds/{lang}/{secret}.ics", Access.PUBLIC, "/feeds/ru/" + calendarFeedOf(i.orgA) + ".ics"));
		r.add(rule("GET /calendar/feeds", Access.SIGNED_IN, "/calendar/feeds"));
		r.add(rule("POST /calendar/feeds/{unitId}/regenerate", Access.OWN_CHAIR_OR_ADMIN,
				"/calendar/feeds/" + i.orgA + "/regenerate?back=portal"));
		r.add(rule("GET /calendar/events/{id}.ics", Access.OWN_ORGANIZATION, "/calendar/events/" + one(
				"select min(e.id) from training_event e where e.district_id = " + i.district + " and not exists (select 1 from"
						+ " training_v_org_attendance v where v.event_id = e.id and v.organization_id = " + i.orgB + ")")
				+ ".ics"));
		// certificates of attendance (issue #20, part 2; decision 0045): the methodologist and the
		// administrator issue, print and revoke them (chairs and the executive committee are refused); the
		// verification page is public by its code (an unknown code answers 404, the point being nobody is refused)
		long certEvent = one("select p.event_id from event_participant p join training_event e on e.id = p.event_id"
				+ " where e.status = 'HELD' group by p.event_id order by count(*), p.event_id limit 1");
		long certParticipant = one("select min(id) from event_participant where event_id = " + certEvent);
		String cert = "/events/" + certEvent + "/certificates";
		r.add(rule("GET /events/{id}/certificates", Access.WRITER, cert));
		r.add(rule("GET /events/{id}/certificates.pdf", Access.WRITER, cert + ".pdf?part=1"));
		r.add(rule("GET /events/{id}/certificates/{participantId}.pdf", Access.WRITER, cert + "/" + certParticipant + ".pdf"));
		r.add(rule("POST /events/{id}/certificates/{participantId}/revoke", Access.WRITER, cert + "/" + certParticipant + "/revoke"));
		r.add(rule("POST /events/{id}/certificates/language", Access.WRITER, cert + "/language?language=ru"));
		r.add(upload("GET /certificates/{code}", Access.PUBLIC, "/certificates/AAAAAAAAAAAAAAAAAAAAAA"));
		// self check-in (issue #20, part 1, decision 0044): staff watch it, writers open it and decide the
		// entries (the service refuses an executive, the annotations a chair); a participant's page is public
		String ck = ev + "/checkin";
		String code = checkinCodeOf(i.event);
		long entry = checkinEntryOf(code);
		r.add(rule("GET /events/{id}/checkin", Access.STAFF, ck));
		r.add(rule("POST /events/{id}/checkin", Access.WRITER, ck + "?closesAt=" + java.time.LocalDateTime.now(clock).plusDays(1)
			.withNano(0).withSecond(0)));
		r.add(rule("POST /events/{id}/checkin/close", Access.WRITER, ck + "/close"));
		r.add(rule("GET /events/{id}/checkin/entries", Access.STAFF, ck + "/entries"));
		r.add(rule("GET /events/{id}/checkin/qr.png", Access.STAFF, ck + "/qr.png"));
		r.add(rule("GET /events/{id}/checkin/poster", Access.STAFF, ck + "/poster"));
		r.add(rule("POST /events/{id}/checkin/entries/{entryId}/confirm", Access.WRITER,
				ck + "/entries/" + entry + "/confirm?organizationId=" + i.orgA));
		r.add(rule("POST /events/{id}/checkin/entries/{entryId}/merge", Access.WRITER,
				ck + "/entries/" + entry + "/merge?participantId=" + i.participant));
		r.add(rule("POST /events/{id}/checkin/entries/{entryId}/reject", Access.WRITER, ck + "/entries/" + entry + "/reject"));
		r.add(rule("POST /events/{id}/checkin/confirm-all", Access.WRITER, ck + "/confirm-all"));
		r.add(rule("GET /c", Access.PUBLIC, "/c"));
		r.add(rule("GET /c/{code}", Access.PUBLIC, "/c/" + code));
		r.add(rule("POST /c/{code}", Access.PUBLIC, "/c/" + code + "?fullName=Matrix&organization=x&categoryCode=UNION_MEMBER"));
		r.add(rule("GET /c/{code}/done", Access.PUBLIC, "/c/" + code + "/done"));
		return r;
	}

	/** The event's check-in code, opened here (far ahead of any clock) when it has none yet. */
	private String checkinCodeOf(long eventId) {
		jdbc.sql("insert into checkin (event_id, code, closes_at, opened_by, opened_at)"
				+ " values (:event, 'MATRXK23', timestamp '2100-01-01 00:00', 0, timestamp '2027-01-01 00:00') on conflict do nothing")
			.param("event", eventId).update();
		return jdbc.sql("select code from checkin where event_id = :event").param("event", eventId).query(String.class).single();
	}

	/** A waiting entry of that check-in, made here when there is none. */
	private long checkinEntryOf(String code) {
		jdbc.sql("insert into checkin_entry (checkin_id, full_name, name_key, organization_text, category_code, device, submitted_at)"
				+ " select id, 'Matrix Entry', 'matrix entry', 'Matrix school', 'UNION_MEMBER',"
				+ " '00000000-0000-0000-0000-000000000000', timestamp '2027-01-01 00:00' from checkin where code = :code"
				+ " and not exists (select 1 from checkin_entry e join checkin c on c.id = e.checkin_id where c.code = :code"
				+ " and e.status = 'NEW')")
			.param("code", code).update();
		return jdbc.sql("select min(e.id) from checkin_entry e join checkin c on c.id = e.checkin_id where c.code = :code"
				+ " and e.status = 'NEW'").param("code", code).query(Long.class).single();
	}

	/** Organization A's calendar secret, made here when it has none yet. */
	private String calendarFeedOf(long unitId) {
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		jdbc.sql("insert into calendar_feed (unit_id, secret, secret_sha256, created_at)"
				+ " values (:unit, :secret, sha256(convert_to(:secret, 'UTF8')), now()) on conflict do nothing")
			.param("unit", unitId).param("secret", secret).update();
		return jdbc.sql("select secret from calendar_feed where unit_id = :unit").param("unit", unitId).query(String.class)
			.single();
	}

	private static Rule rule(String key, Access access, String sample) {
		String[] parts = key.split(" ", 2);
		return new Rule(parts[0], parts[1], access, sample, false);
	}

	/** A public single-use-link page: the sample link is unknown, which answers a friendly 404 page. */
	private static Rule unknownLink(String key, String sample) {
		String[] parts = key.split(" ", 2);
		return new Rule(parts[0], parts[1], Access.PUBLIC, sample, true);
	}

	private static Rule upload(String key, Access access, String sample) {
		String[] parts = key.split(" ", 2);
		return new Rule(parts[0], parts[1], access, sample, true);
	}

	/** The application's own routes, as "METHOD /pattern" with path-variable regexes dropped. */
	private TreeSet<String> mappedRoutes() {
		TreeSet<String> keys = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			var methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				String plain = withoutRegexes(pattern);
				if (methods.isEmpty()) {
					keys.add("ANY " + plain);
				}
				methods.forEach(m -> keys.add(m.name() + " " + plain));
			}
		});
		return keys;
	}

	/** "/a/{id:\\d+}/{year:\\d{4}}" → "/a/{id}/{year}". */
	static String withoutRegexes(String pattern) {
		StringBuilder out = new StringBuilder();
		int depth = 0;
		boolean skipping = false;
		for (char c : pattern.toCharArray()) {
			if (c == '{') {
				depth++;
				if (depth == 1) {
					out.append(c);
					continue;
				}
			}
			else if (c == '}') {
				depth--;
				if (depth == 0) {
					skipping = false;
					out.append(c);
					continue;
				}
			}
			else if (c == ':' && depth == 1) {
				skipping = true;
			}
			if (!skipping) {
				out.append(c);
			}
		}
		return out.toString();
	}

	@Test
	void everyMappedRouteHasARuleAndEveryRuleAMappedRoute() {
		TreeSet<String> mapped = mappedRoutes();
		TreeSet<String> ruled = new TreeSet<>();
		rules().forEach(rule -> ruled.add(rule.key()));
		TreeSet<String> withoutRule = new TreeSet<>(mapped);
		withoutRule.removeAll(ruled);
		TreeSet<String> stale = new TreeSet<>(ruled);
		stale.removeAll(mapped);
		assertThat(withoutRule).as("routes without an access rule in AccessControlMatrixTests.rules()").isEmpty();
		assertThat(stale).as("rules for routes that are no longer mapped").isEmpty();
		assertThat(rules()).extracting(Rule::key).doesNotHaveDuplicates();
	}

	@Test
	void everyRouteAnswersEveryVisitorAsTheRuleSays() throws Exception {
		Map<String, String> failures = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		for (Rule rule : rules()) {
			for (Visitor visitor : Visitor.values()) {
				Outcome expected = expected(rule.access(), visitor);
				MockHttpServletResponse response = perform(rule, visitor);
				String problem = check(rule, visitor, expected, response);
				if (problem != null) {
					failures.put(rule.key() + " as " + visitor, problem);
				}
				String missing = missingHeaders(response);
				if (missing != null) {
					headers.put(rule.key() + " as " + visitor, missing);
				}
			}
		}
		assertThat(failures).as("routes answering against the access policy").isEmpty();
		assertThat(headers).as("answers without the protective headers (issue #8, item 15)").isEmpty();
	}

	/**
	 * Issue #8, item 15 (ASVS V14.4): every answer, page or refusal or download, carries a CSP
	 * without inline scripts that forbids framing, X-Frame-Options, nosniff and a Referrer-Policy.
	 */
	static String missingHeaders(MockHttpServletResponse response) {
		String csp = response.getHeader("Content-Security-Policy");
		if (csp == null) {
			return "no Content-Security-Policy";
		}
		String scripts = java.util.Arrays.stream(csp.split(";")).map(String::trim).filter(d -> d.startsWith("script-src"))
			.findFirst().orElse("");
		if (!scripts.equals("script-src 'self'")) {
			return "script-src is '" + scripts + "'";
		}
		if (!csp.contains("frame-ancestors 'none'") || !csp.contains("object-src 'none'")) {
			return "CSP without frame-ancestors 'none' / object-src 'none'";
		}
		if (!"DENY".equals(response.getHeader("X-Frame-Options"))) {
			return "X-Frame-Options " + response.getHeader("X-Frame-Options");
		}
		if (!"nosniff".equals(response.getHeader("X-Content-Type-Options"))) {
			return "no nosniff";
		}
		if (response.getHeader("Referrer-Policy") == null) {
			return "no Referrer-Policy";
		}
		return null;
	}

	/**
	 * Issue #8, item 11 (ASVS V4.2.2): every state-changing route, taken from the mappings, refuses a
	 * request without a CSRF token, for the most powerful account and for the public survey alike.
	 */
	@Test
	void everyStateChangingRouteRefusesARequestWithoutACsrfToken() throws Exception {
		List<Rule> writes = rules().stream().filter(r -> !"GET".equals(r.method()) && !r.key().startsWith("ANY ")).toList();
		assertThat(writes).hasSizeGreaterThan(60);
		TreeSet<String> accepted = new TreeSet<>();
		for (Rule rule : writes) {
			for (String who : new String[] { "admin", null }) {
				MockHttpServletRequestBuilder request = post(rule.sample());
				if (who != null) {
					request.with(users.as(who));
				}
				int status = mvc.perform(request).andReturn().getResponse().getStatus();
				if (status != 403) {
					accepted.add(rule.key() + " as " + (who == null ? "anonymous" : who) + ": " + status);
				}
			}
		}
		assertThat(accepted).as("state-changing requests without a CSRF token that were not refused").isEmpty();
		assertThat(mappedRoutes()).as("only GET and POST are mapped, so POST is every write")
			.allMatch(k -> k.startsWith("GET ") || k.startsWith("POST ") || k.startsWith("ANY "));
	}

	static Outcome expected(Access access, Visitor visitor) {
		if (access == Access.PUBLIC) {
			return Outcome.ALLOWED;
		}
		if (access == Access.ERROR_PAGE) {
			return Outcome.ERROR_PAGE;
		}
		if (visitor == Visitor.ANONYMOUS) {
			return Outcome.LOGIN;
		}
		return switch (access) {
			case PUBLIC, SIGNED_IN, ERROR_PAGE -> Outcome.ALLOWED;
			case CHAIRS -> visitor == Visitor.CHAIR_A || visitor == Visitor.CHAIR_B ? Outcome.ALLOWED : Outcome.FORBIDDEN;
			case APPROVER -> visitor == Visitor.ADMIN || visitor == Visitor.METHODOLOGIST || visitor == Visitor.NATIONAL
					? Outcome.ALLOWED : Outcome.FORBIDDEN;
			case OWN_CHAIR -> switch (visitor) {
				case CHAIR_A -> Outcome.ALLOWED;
				case CHAIR_B -> Outcome.HIDDEN;
				default -> Outcome.FORBIDDEN;
			};
			case OWN_CHAIR_OR_ADMIN -> switch (visitor) {
				case CHAIR_A, ADMIN -> Outcome.ALLOWED;
				case CHAIR_B -> Outcome.HIDDEN;
				default -> Outcome.FORBIDDEN;
			};
			case OWN_ORGANIZATION -> visitor == Visitor.CHAIR_B ? Outcome.HIDDEN : Outcome.ALLOWED;
			case OWN_ORGANIZATION_WRITE -> switch (visitor) {
				case CHAIR_B -> Outcome.HIDDEN;
				case EXECUTIVE, NATIONAL -> Outcome.FORBIDDEN;
				default -> Outcome.ALLOWED;
			};
			case STAFF -> visitor == Visitor.CHAIR_A || visitor == Visitor.CHAIR_B ? Outcome.FORBIDDEN : Outcome.ALLOWED;
			case WRITER -> visitor == Visitor.ADMIN || visitor == Visitor.METHODOLOGIST ? Outcome.ALLOWED : Outcome.FORBIDDEN;
			case ADMIN -> visitor == Visitor.ADMIN ? Outcome.ALLOWED : Outcome.FORBIDDEN;
		};
	}

	private MockHttpServletResponse perform(Rule rule, Visitor visitor) {
		TransactionTemplate tx = new TransactionTemplate(transactions);
		// Every request runs in a transaction rolled back afterwards: a permitted write changes nothing.
		return tx.execute(status -> {
			status.setRollbackOnly();
			MockHttpServletRequestBuilder request = "POST".equals(rule.method()) ? post(rule.sample()).with(csrf())
					: get(rule.sample());
			// What a browser sends, so refusals of image routes are 403 pages rather than 406.
			request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
			if (visitor.username != null) {
				request.with(users.as(visitor.username));
			}
			try {
				return mvc.perform(request).andReturn().getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(rule.key() + " as " + visitor + " threw " + ex, ex);
			}
		});
	}

	private String check(Rule rule, Visitor visitor, Outcome expected, MockHttpServletResponse response) throws Exception {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		boolean toLogin = status == 302 && location != null && location.endsWith("/login");
		String got = status + (location != null ? " → " + location : "");
		return switch (expected) {
			case ERROR_PAGE -> toLogin || status == 401 || status == 403 ? "expected the error page, got " + got : null;
			case LOGIN -> toLogin ? null : "expected a redirect to the login page, got " + got;
			case FORBIDDEN -> status == 403 ? null : "expected 403, got " + got;
			case HIDDEN -> {
				if (status != 403 && status != 404) {
					yield "expected 403 or 404 for another organization's id, got " + got;
				}
				yield response.getContentAsString().contains(ids.orgAName) ? "the refusal names organization A" : null;
			}
			case ALLOWED -> {
				if (toLogin || status == 401 || status == 403 || status >= 500) {
					yield "expected to be let in, got " + got;
				}
				if (status == 404 && !rule.unknownIdIsFine()) {
					yield "expected to be let in, got 404 (is the sample id right?)";
				}
				yield null;
			}
		};
	}
}
