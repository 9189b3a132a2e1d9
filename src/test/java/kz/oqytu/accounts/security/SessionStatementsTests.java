package kz.oqytu.accounts.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in request's session costs PostgreSQL (issue #17, the fixed cost of every page): reading
 * the session is one {@code SELECT} in auto-commit, with no transaction, no audit actor and no entity
 * manager around it; a save stays one transaction. On the real session tables.
 */
@OqytuIntegrationTest
class SessionStatementsTests {

	@Autowired
	SessionRepository<?> sessions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void forget() {
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
	}

	private SessionTouchThrottle.Repository repository() {
		assertThat(this.sessions).isInstanceOf(SessionTouchThrottle.Repository.class);
		return (SessionTouchThrottle.Repository) this.sessions;
	}

	@Test
	void readingASessionIsOneSelectWithoutATransaction() {
		SessionTouchThrottle.Tracked created = repository().createSession();
		created.setAttribute("oqytu.test", "kept");
		repository().save(created);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();

		StatementCounter.reset();
		SessionTouchThrottle.Tracked read = repository().findById(created.getId());
		List<String> calls = StatementCounter.calls();

		assertThat(read).isNotNull();
		assertThat((String) read.getAttribute("oqytu.test")).isEqualTo("kept");
		assertThat(calls).as("the session read").hasSize(1);
		assertThat(calls.get(0)).startsWith("SELECT S.PRIMARY_ID");
		repository().deleteById(created.getId());
	}

	@Test
	void savingAChangedSessionIsOneTransactionWithoutTheAuditActor() {
		SessionTouchThrottle.Tracked created = repository().createSession();
		repository().save(created);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
		SessionTouchThrottle.Tracked read = repository().findById(created.getId());
		read.setAttribute("oqytu.test", "changed");

		StatementCounter.reset();
		repository().save(read);
		List<String> calls = StatementCounter.calls();

		assertThat(calls).first().isEqualTo("setAutoCommit(false)");
		assertThat(calls).contains("commit").doesNotContain("rollback");
		assertThat(calls).anyMatch(c -> c.startsWith("INSERT INTO SPRING_SESSION_ATTRIBUTES"));
		assertThat(calls).noneMatch(c -> c.contains("oqytu.actor"));
		assertThat(calls.indexOf("commit")).as("every statement inside the transaction")
			.isGreaterThan(calls.indexOf("setAutoCommit(false)") + 1);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
		assertThat((String) repository().findById(created.getId()).getAttribute("oqytu.test")).isEqualTo("changed");
		repository().deleteById(created.getId());
	}

	@Test
	void anExpiredSessionFoundIsDeleted() {
		SessionTouchThrottle.Tracked created = repository().createSession();
		created.setMaxInactiveInterval(Duration.ofMinutes(1));
		created.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
		repository().save(created);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
		assertThat(stored(created.getId())).isOne();

		assertThat(repository().findById(created.getId())).isNull();
		assertThat(stored(created.getId())).as("deleted when found expired").isZero();
	}

	@Test
	void aSaveInsideACallersReadOnlyTransactionIsItsOwn() {
		// a streamed export commits its response, and so saves the session, inside its read-only transaction
		TransactionTemplate export = new TransactionTemplate(this.transactions);
		export.setReadOnly(true);
		String id = export.execute(status -> {
			SessionTouchThrottle.Tracked created = repository().createSession();
			created.setAttribute("oqytu.test", "saved during an export");
			repository().save(created);
			SessionTouchThrottle.Repository.JUST_SAVED.remove();
			assertThat((String) repository().findById(created.getId()).getAttribute("oqytu.test"))
				.as("read inside the export's transaction").isEqualTo("saved during an export");
			return created.getId();
		});
		assertThat(stored(id)).isOne();

		// nor does a caller's rollback take the session with it
		TransactionTemplate page = new TransactionTemplate(this.transactions);
		page.executeWithoutResult(status -> {
			status.setRollbackOnly();
			SessionTouchThrottle.Tracked read = repository().findById(id);
			read.setAttribute("oqytu.test", "changed by a page rolled back");
			repository().save(read);
			SessionTouchThrottle.Repository.JUST_SAVED.remove();
		});
		assertThat((String) repository().findById(id).getAttribute("oqytu.test")).isEqualTo("changed by a page rolled back");
		repository().deleteById(id);
	}

	private long stored(String sessionId) {
		return this.jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}
}
