package kz.oqytu.security;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.AccountView;
import kz.oqytu.accounts.Accounts;
import kz.oqytu.accounts.Role;
import testonly.FailingController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #15, item 2 (ASVS V3.3.1, V3.3.2, V3.3.3, V3.3.4): sessions end with the account. On the running server, with
 * sessions in PostgreSQL as in production: disabling an account, changing its role or its scope and
 * resetting its password end every session of it at once; changing one's own password ends the
 * other sessions and keeps the one that changed it, under a new id; a session older than the
 * absolute lifetime is refused however active. Each time the user lands on the login page saying why.
 *
 * <p>Same context configuration as {@code SessionLifecycleTests}, so they share one context. Each
 * test works on an account of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(FailingController.class)
class SessionEndTests {

	private static final String PASSWORD = "Sessions-end-with-2027";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	Environment environment;

	@Autowired
	SessionRepository<? extends Session> sessionRepository;

	@Test
	void disablingAnAccountEndsEverySessionOfItAtOnce() throws Exception {
		AccountView account = account("ses.disabled");
		SessionBrowser phone = signedIn(account);
		SessionBrowser office = signedIn(account);
		String officeToken = SessionBrowser.csrf(office.get("/account/password").body());

		HttpResponse<String> disabled = admin().submit("/admin/users", "/admin/users/" + account.id() + "/enabled",
				Map.of("enabled", "false"));
		assertThat(disabled.statusCode()).isEqualTo(302);
		assertThat(sessionsOf(account)).as("no session of the account is left in the store").isZero();

		endedWith(phone, "disabled", "Әкімші есептік жазбаңызды бұғаттады");
		// A form posted from a page opened before is refused too, not carried out.
		HttpResponse<String> late = office.post("/account/password", Map.of("_csrf", officeToken,
				"currentPassword", PASSWORD, "newPassword", "Another-long-pass-2027", "confirmPassword", "Another-long-pass-2027"));
		assertThat(late.statusCode()).isEqualTo(302);
		assertThat(SessionBrowser.location(late)).endsWith("/login?ended=disabled");
	}

	@Test
	void changingTheRoleEndsEverySessionOfTheAccount() throws Exception {
		AccountView account = account("ses.role");
		SessionBrowser one = signedIn(account);
		SessionBrowser two = signedIn(account);

		HttpResponse<String> saved = edit(account, Role.EXECUTIVE, account.scopeUnitId(), account.fullName());
		assertThat(saved.statusCode()).isEqualTo(302);

		endedWith(one, "changed", "рөлін немесе ұйымын өзгертті");
		endedWith(two, "changed", "рөлін немесе ұйымын өзгертті");
		assertThat(sessionsOf(account)).isZero();
	}

	@Test
	void changingTheScopeEndsEverySessionButChangingTheNameDoesNot() throws Exception {
		AccountView account = account("ses.scope");
		SessionBrowser user = signedIn(account);

		assertThat(edit(account, account.role(), account.scopeUnitId(), "Renamed Only").statusCode()).isEqualTo(302);
		assertThat(user.get("/dashboard").statusCode()).as("a new name leaves the sessions alone").isEqualTo(200);

		assertThat(edit(accounts.find(account.id()).orElseThrow(), account.role(), 3, "Renamed Only").statusCode())
			.isEqualTo(302);
		endedWith(user, "changed", "рөлін немесе ұйымын өзгертті");
		assertThat(sessionsOf(account)).isZero();
	}

	@Test
	void anAdministratorsPasswordResetEndsEverySessionOfTheAccount() throws Exception {
		AccountView account = account("ses.reset");
		SessionBrowser one = signedIn(account);
		SessionBrowser two = signedIn(account);

		HttpResponse<String> reset = admin().submit("/admin/users/" + account.id() + "/edit",
				"/admin/users/" + account.id() + "/password",
				Map.of("newPassword", "Reset-by-admin-2027", "confirmPassword", "Reset-by-admin-2027"));
		assertThat(reset.statusCode()).isEqualTo(302);

		endedWith(one, "password", "құпиясөзі өзгертілді");
		endedWith(two, "password", "құпиясөзі өзгертілді");
		assertThat(sessionsOf(account)).isZero();
		new SessionBrowser(port).signIn(account.username(), "Reset-by-admin-2027");
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOneUnderANewId() throws Exception {
		AccountView account = account("ses.own");
		SessionBrowser here = signedIn(account);
		SessionBrowser elsewhere = signedIn(account);
		String before = here.sessionId();

		HttpResponse<String> changed = here.submit("/account/password", "/account/password", Map.of(
				"currentPassword", PASSWORD, "newPassword", "Changed-by-me-2027", "confirmPassword", "Changed-by-me-2027"));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(SessionBrowser.location(changed)).doesNotContain("/login");

		assertThat(here.sessionId()).as("the session that changed the password goes on under a new id")
			.isNotEqualTo(before);
		assertThat(here.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", before)
			.query(Long.class).single()).as("the old id is worthless").isZero();
		endedWith(elsewhere, "password", "құпиясөзі өзгертілді");
		assertThat(sessionsOf(account)).isEqualTo(1);
	}

	@Test
	void aSessionPastTheAbsoluteLifetimeIsRefusedEvenIfActive() throws Exception {
		AccountView account = account("ses.lifetime");
		SessionBrowser user = signedIn(account);
		assertThat(user.get("/dashboard").statusCode()).isEqualTo(200);

		// Signed in 11 h 59 min ago by the application's clock, and busy all along: still fine.
		signedInAgo(user, Duration.ofHours(12).minusMinutes(1));
		assertThat(user.get("/dashboard").statusCode()).isEqualTo(200);
		assertThat(user.get("/account/password").statusCode()).isEqualTo(200);

		// Twelve hours and a minute: the next request, however recent the last one, ends it.
		signedInAgo(user, Duration.ofHours(12).plusMinutes(1));
		String id = user.sessionId();
		endedWith(user, "lifetime", "12 сағатқа");
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id").param("id", id)
			.query(Long.class).single()).isZero();
		HttpResponse<String> russian = new SessionBrowser(port).get("/login?ended=lifetime&lang=ru");
		assertThat(russian.body()).contains("не более 12 ч");
		assertThat(environment.getProperty("oqytu.session.absolute-lifetime")).as("the default").isEqualTo("12h");
	}

	/** Moves the session's sign-in instant back, as the application's clock sees it. */
	@SuppressWarnings("unchecked")
	private void signedInAgo(SessionBrowser browser, Duration ago) {
		SessionRepository<Session> repository = (SessionRepository<Session>) sessionRepository;
		Session session = repository.findById(browser.sessionId());
		assertThat(session.getAttributeNames()).contains("oqytu.signedInAt");
		session.setAttribute("oqytu.signedInAt", clock.instant().minus(ago));
		repository.save(session);
	}

	/** The browser's next page sends it to the login page, which says why; its session cookie is gone. */
	private void endedWith(SessionBrowser browser, String reason, String message) throws Exception {
		HttpResponse<String> next = browser.get("/dashboard");
		assertThat(next.statusCode()).as("the next page of an ended session").isEqualTo(302);
		assertThat(SessionBrowser.location(next)).endsWith("/login?ended=" + reason);
		assertThat(browser.cookie(SessionBrowser.SESSION_COOKIE)).as("the dead session's cookie is cleared").isEmpty();
		HttpResponse<String> login = browser.get("/login?ended=" + reason);
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("id=\"login-ended\"").contains(message);
	}

	private HttpResponse<String> edit(AccountView account, Role role, long scopeUnitId, String fullName) throws Exception {
		return admin().submit("/admin/users/" + account.id() + "/edit", "/admin/users/" + account.id() + "/edit",
				Map.of("username", account.username(), "fullName", fullName, "role", role.name(),
						"scopeUnitId", Long.toString(scopeUnitId), "version", Integer.toString(account.version())));
	}

	private SessionBrowser admin() throws Exception {
		return new SessionBrowser(port).signIn("admin", "demo");
	}

	private SessionBrowser signedIn(AccountView account) throws Exception {
		SessionBrowser browser = new SessionBrowser(port).signIn(account.username(), PASSWORD);
		assertThat(browser.get("/dashboard").statusCode()).isEqualTo(200);
		return browser;
	}

	private long sessionsOf(AccountView account) {
		return jdbc.sql("select count(*) from spring_session where principal_name = :name")
			.param("name", account.username()).query(Long.class).single();
	}

	private AccountView account(String username) {
		long id = accounts.list().stream().filter(a -> a.username().equals(username)).map(AccountView::id).findFirst()
			.orElseGet(() -> accounts.create(new AccountCommand(username, "Session Test", null, Role.METHODOLOGIST, 2,
					PASSWORD)));
		return accounts.find(id).orElseThrow();
	}
}
