package kz.oqytu.accounts.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Session's own filter around the application's session repository: a request with a
 * session cookie reads its session once (Spring Session asks for it again after saving it; the
 * repository answers from what it just saved), and the next request reads it afresh, so a change
 * made elsewhere (another instance) is seen.
 */
class SessionReadOnceTests {

	private final Counting store = new Counting();

	private final SessionTouchThrottle.Repository repository = new SessionTouchThrottle.Repository(this.store,
			Duration.ofMinutes(1));

	@Test
	void aRequestReadsItsSessionOnceAndTheNextReadsItAgain() throws Exception {
		SessionTouchThrottle.Tracked created = this.repository.createSession();
		created.setAttribute("role", "methodologist");
		this.repository.save(created);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
		String id = created.getId();
		this.store.reads.set(0);

		assertThat(request(id)).isEqualTo("methodologist");
		assertThat(this.store.reads).as("session reads of one request").hasValue(1);
		assertThat(SessionTouchThrottle.Repository.JUST_SAVED.get()).as("forgotten when the request ended").isNull();

		// another instance changes the session between two requests
		MapSession elsewhere = this.store.findById(id);
		elsewhere.setAttribute("role", "executive");
		this.store.save(elsewhere);
		this.store.reads.set(0);

		assertThat(request(id)).as("the next request sees the change").isEqualTo("executive");
		assertThat(this.store.reads).hasValue(1);
	}

	@Test
	void aSessionIdThatIsNotTheOneJustSavedIsReadFromTheStore() {
		SessionTouchThrottle.Tracked one = this.repository.createSession();
		this.repository.save(one);
		SessionTouchThrottle.Tracked other = this.repository.createSession();
		this.repository.save(other);
		this.store.reads.set(0);
		assertThat(this.repository.findById(one.getId())).isNotNull();
		assertThat(this.store.reads).hasValue(1);
		SessionTouchThrottle.Repository.JUST_SAVED.remove();
	}

	private String request(String sessionId) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/events");
		request.setCookies(new Cookie("SESSION",
				Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.UTF_8))));
		String[] seen = new String[1];
		HttpServlet page = new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse res) {
				seen[0] = (String) req.getSession(false).getAttribute("role");
			}
		};
		new MockFilterChain(page, SessionTouchThrottle.sessionJustSavedReset().getFilter(),
				new SessionRepositoryFilter<>(this.repository))
			.doFilter(request, new MockHttpServletResponse());
		return seen[0];
	}

	/** Sessions in memory, counting the reads by id. */
	static final class Counting implements FindByIndexNameSessionRepository<MapSession> {

		final AtomicInteger reads = new AtomicInteger();

		private final Map<String, org.springframework.session.Session> sessions = new ConcurrentHashMap<>();

		private final MapSessionRepository map = new MapSessionRepository(this.sessions);

		@Override
		public MapSession createSession() {
			return this.map.createSession();
		}

		@Override
		public void save(MapSession session) {
			this.map.save(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads.incrementAndGet();
			return this.map.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.map.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}
	}
}
