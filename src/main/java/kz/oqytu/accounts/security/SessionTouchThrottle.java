package kz.oqytu.accounts.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sessions stay in PostgreSQL (several instances share them), but a request that changes nothing in
 * its session no longer writes it. Spring Session JDBC stores every request's last-access time, an
 * UPDATE in its own transaction on every page, image and htmx call. Here the session is written when
 * it is new, when an attribute, its id or its timeout changed, or when its stored last access is
 * older than the touch interval (one minute by default). An idle session therefore ends between
 * {@code timeout - interval} and {@code timeout} after the last request, never later.
 *
 * <p>Spring Session also reads the session a second time at the end of every request: its filter
 * saves the session, forgets what it read, and asks whether the requested id is still valid, which
 * is a {@code findById} of the id it just saved. The repository answers that question from the
 * session it has just saved on the same thread (one read per request instead of two); a filter just
 * outside Spring Session's forgets that session when the request ends, so no later request on the
 * thread can see it.
 *
 * <p>Spring Session's statements run through their own {@link Transactions}: reading a session is one
 * {@code SELECT} (the session and its attributes joined) on a connection in auto-commit, where the
 * application's JPA transaction manager made it a transaction of three round trips (the audit actor's
 * {@code set_config} with {@code BEGIN}, the {@code SELECT}, {@code COMMIT}) and an entity manager for
 * nothing. A save, which can be several statements, is one transaction of its own (never the page's),
 * without the audit actor: no session table is audited.
 *
 * <p>Measured by {@code bench/run} (docs/performance.md): the fixed cost of every signed-in page.
 */
@Configuration(proxyBeanMethods = false)
class SessionTouchThrottle {

	@Bean
	static BeanPostProcessor sessionTouchThrottlePostProcessor(
			@Value("${oqytu.session.touch-interval:PT1M}") Duration interval) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc, interval) : bean;
			}
		};
	}

	/**
	 * The transactions Spring Session JDBC runs its statements in (it looks for a bean of this name): see
	 * {@link Transactions}. Not a default candidate, so the application's own {@code TransactionTemplate} (Boot's,
	 * made only while no other {@code TransactionOperations} competes) stays what everything else injects.
	 */
	@Bean(defaultCandidate = false)
	static TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions) {
		return new Transactions(transactions);
	}

	/** Forgets the session saved on this thread when a request ends (outside Spring Session's filter). */
	@Bean
	static FilterRegistrationBean<jakarta.servlet.Filter> sessionJustSavedReset() {
		FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(
				(request, response, chain) -> {
					try {
						chain.doFilter(request, response);
					}
					finally {
						Repository.JUST_SAVED.remove();
					}
				});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setName("sessionJustSavedReset");
		return registration;
	}

	/** The JDBC repository, saving only what needs saving. */
	static final class Repository implements FindByIndexNameSessionRepository<Tracked> {

		/** The session saved last on this thread, for the read that follows the save. */
		static final ThreadLocal<Tracked> JUST_SAVED = new ThreadLocal<>();

		private final FindByIndexNameSessionRepository<Session> delegate;

		private final Duration interval;

		@SuppressWarnings("unchecked")
		Repository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration interval) {
			this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
			this.interval = interval;
		}

		@Override
		public Tracked createSession() {
			return new Tracked(this.delegate.createSession(), true);
		}

		@Override
		public void save(Tracked session) {
			if (session.mustSave(this.interval)) {
				this.delegate.save(session.delegate);
				session.saved();
			}
			JUST_SAVED.set(session);
		}

		@Override
		public Tracked findById(String id) {
			Tracked saved = JUST_SAVED.get();
			if (saved != null) {
				JUST_SAVED.remove();
				if (saved.getId().equals(id) && !saved.isExpired()) {
					return saved;
				}
			}
			Session found = Transactions.reading(() -> this.delegate.findById(id));
			return found == null ? null : new Tracked(found, false);
		}

		@Override
		public void deleteById(String id) {
			JUST_SAVED.remove();
			this.delegate.deleteById(id);
		}

		@Override
		public Map<String, Tracked> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, Tracked> result = new LinkedHashMap<>();
			this.delegate.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, session) -> result.put(id, new Tracked(session, false)));
			return result;
		}
	}

	/**
	 * Spring Session's transactions. While {@link Repository#findById} reads, its statements run without a
	 * transaction of their own: the read is one {@code SELECT}, and the {@code DELETE} of a session found
	 * expired is one statement too (inside a caller's transaction they join it). Everything else (a save's
	 * update and attribute rows, the clean-up of expired sessions) runs in a transaction of its own
	 * ({@code REQUIRES_NEW} on the application's manager, labelled unaudited), never in the caller's: a session
	 * is saved when the response is committed, which for a streamed export happens inside the export's
	 * read-only transaction (a joined {@code UPDATE} fails there), and a session's state does not go back with
	 * a page's rolled-back work. Such a save borrows a second connection while the export holds its own; the
	 * heavy-work gate keeps exports to a few at a time, well inside the pool.
	 */
	static final class Transactions implements TransactionOperations {

		private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

		private final PlatformTransactionManager transactions;

		/** A transaction of its own, without the audit actor (no session table is audited). */
		private final DefaultTransactionAttribute write;

		Transactions(PlatformTransactionManager transactions) {
			this.transactions = transactions;
			this.write = new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			this.write.setLabels(java.util.List.of(kz.oqytu.shared.db.Transactions.UNAUDITED));
		}

		static <T> T reading(java.util.function.Supplier<T> read) {
			Boolean outer = READING.get();
			READING.set(Boolean.TRUE);
			try {
				return read.get();
			}
			finally {
				if (outer == null) {
					READING.remove();
				}
			}
		}

		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (READING.get() != null) {
				return action.doInTransaction(new SimpleTransactionStatus(false));
			}
			// as TransactionTemplate does, with a definition that keeps its label
			TransactionStatus status = this.transactions.getTransaction(this.write);
			T result;
			try {
				result = action.doInTransaction(status);
			}
			catch (RuntimeException | Error ex) {
				this.transactions.rollback(status);
				throw ex;
			}
			this.transactions.commit(status);
			return result;
		}
	}

	/** A session that knows whether anything but its last-access time changed since it was read. */
	static final class Tracked implements Session {

		private final Session delegate;

		private boolean isNew;

		private boolean changed;

		private Instant storedLastAccess;

		Tracked(Session delegate, boolean isNew) {
			this.delegate = delegate;
			this.isNew = isNew;
			this.storedLastAccess = delegate.getLastAccessedTime();
		}

		boolean mustSave(Duration interval) {
			return this.isNew || this.changed
					|| !this.delegate.getLastAccessedTime().isBefore(this.storedLastAccess.plus(interval));
		}

		void saved() {
			this.isNew = false;
			this.changed = false;
			this.storedLastAccess = this.delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.delegate.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.delegate.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.delegate.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.delegate.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}
	}
}
