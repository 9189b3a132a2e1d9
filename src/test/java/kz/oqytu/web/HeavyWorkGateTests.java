package kz.oqytu.web;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OqytuPrincipal;
import kz.oqytu.accounts.Role;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulkhead in front of exports and report pages: one at a time here, the rest wait or are told to retry. */
class HeavyWorkGateTests {

	private final ExecutorService pool = Executors.newFixedThreadPool(2);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** The 503 page without a template engine: records that it was asked for, and which one. */
	private final AtomicInteger busyPages = new AtomicInteger();

	private final DatabaseOutageFilter pages = new DatabaseOutageFilter(null, null) {
		@Override
		void render(HttpServletRequest request, HttpServletResponse response, boolean busy) {
			assertThat(busy).isTrue();
			busyPages.incrementAndGet();
			response.setStatus(503);
		}
	};

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void exportsAndYearPagesAreHeavyAnswersListsAndImagesAreNot() {
		assertThat(HeavyWorkGate.isHeavy(get("/events/participants.xlsx"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/reports/coverage.pdf"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/reports/coverage"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/reports/monitoring"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/dashboard"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/surveys/results"))).as("survey results, gated since issue #17").isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/events"))).isFalse();
		assertThat(HeavyWorkGate.isHeavy(get("/s/abc/qr.png"))).isFalse();
		MockHttpServletRequest answer = get("/s/abc");
		answer.setMethod("POST");
		assertThat(HeavyWorkGate.isHeavy(answer)).isFalse();
		MockHttpServletRequest approval = get("/reports/coverage");
		approval.setMethod("POST");
		assertThat(HeavyWorkGate.isHeavy(approval)).as("a form sent to a report page is not a report").isFalse();
	}

	@Test
	void everyStepOfASpreadsheetImportThatReadsTheFileIsHeavyItsFormPageIsNot() {
		// Issue #15, item 1: a large upload waits its turn instead of taking the cores of everyone else.
		for (String path : new String[] { "/events/7/participants/import", "/organizations/import/registry",
				"/budget/import" }) {
			MockHttpServletRequest upload = get(path);
			upload.setMethod("POST");
			assertThat(HeavyWorkGate.isHeavy(upload)).as("upload " + path).isTrue();
		}
		String participants = "/events/7/participants/import/0b7c6a52-7d0e-4a55-9a53-3c1f0f0f1a2b";
		assertThat(HeavyWorkGate.isHeavy(get(participants))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get(participants + "/columns"))).isTrue();
		MockHttpServletRequest commit = get(participants + "/commit");
		commit.setMethod("POST");
		assertThat(HeavyWorkGate.isHeavy(commit)).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/organizations/import/membership/0b7c6a52-7d0e-4a55-9a53-3c1f0f0f1a2b")))
			.isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/budget/import/0b7c6a52-7d0e-4a55-9a53-3c1f0f0f1a2b"))).isTrue();
		assertThat(HeavyWorkGate.isHeavy(get("/budget/import"))).as("the form page").isFalse();
		assertThat(HeavyWorkGate.isHeavy(get("/organizations/import"))).as("the form page").isFalse();
		assertThat(HeavyWorkGate.isHeavy(get("/events/7/participants"))).isFalse();
		assertThat(HeavyWorkGate.isHeavy(get("/events/important"))).isFalse();
	}

	@Test
	void aSecondExportWaitsItsTurnAndThenRuns() throws Exception {
		HeavyWorkGate gate = new HeavyWorkGate(1, Duration.ofSeconds(10), pages, meters);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		Future<?> first = pool.submit(() -> filter(gate, "/events/participants.xlsx", () -> {
			inside.countDown();
			await(release);
			ran.incrementAndGet();
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		Future<MockHttpServletResponse> second = pool.submit(() -> filter(gate, "/reports/coverage.xlsx", ran::incrementAndGet));
		// until the gate counts it as waiting: then it has reached the gate and must still be held there
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiting("region"), w -> w == 1.0);
		assertThat(second.isDone()).as("the second waits while the first runs").isFalse();
		// a light request is never held up
		assertThat(filter(gate, "/events", () -> { }).getStatus()).isEqualTo(200);
		release.countDown();
		first.get(5, TimeUnit.SECONDS);
		assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(ran).hasValue(2);
		assertThat(busyPages).hasValue(0);
	}

	@Test
	void oneThatWaitsTooLongGetsTheBusyPageAndRunsNothing() throws Exception {
		HeavyWorkGate gate = new HeavyWorkGate(1, Duration.ofMillis(100), pages, meters);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		pool.submit(() -> filter(gate, "/dashboard", () -> {
			inside.countDown();
			await(release);
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		AtomicInteger ran = new AtomicInteger();
		MockHttpServletResponse refused = filter(gate, "/reports/coverage.pdf", ran::incrementAndGet);
		release.countDown();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(ran).hasValue(0);
		assertThat(busyPages).hasValue(1);
		assertThat(meters.get("oqytu.heavy.work.refused").tag("lane", "region").counter().count()).isEqualTo(1.0);
	}

	@Test
	void byDefaultOneProcessorIsKeptForTheLightRequests() {
		int processors = Runtime.getRuntime().availableProcessors();
		assertThat(new HeavyWorkGate(0, Duration.ofSeconds(1), pages, meters).concurrency())
			.isEqualTo(Math.max(1, processors - 1));
		assertThat(new HeavyWorkGate(3, Duration.ofSeconds(1), pages, new SimpleMeterRegistry()).concurrency()).isEqualTo(3);
	}

	// ---- lanes (issue #17, decision 36)

	private static final CurrentUser NATIONAL = new CurrentUser(1, "admin", "Admin", Role.ADMIN, 1, "/1/");

	private static final CurrentUser REGIONAL = new CurrentUser(2, "methodologist", "M", Role.METHODOLOGIST, 2, "/1/2/");

	@Test
	void aNationalAccountWithoutARegionWorksInTheCountryLaneEverythingNarrowerInTheRegionLane() {
		assertThat(HeavyWorkGate.lane(get("/dashboard"), NATIONAL)).isEqualTo(HeavyWorkGate.Lane.COUNTRY);
		assertThat(HeavyWorkGate.lane(get("/surveys/results"), NATIONAL)).isEqualTo(HeavyWorkGate.Lane.COUNTRY);
		assertThat(HeavyWorkGate.lane(get("/dashboard?region=1"), NATIONAL)).as("the root named").isEqualTo(HeavyWorkGate.Lane.COUNTRY);
		assertThat(HeavyWorkGate.lane(get("/dashboard?region="), NATIONAL)).isEqualTo(HeavyWorkGate.Lane.COUNTRY);
		assertThat(HeavyWorkGate.lane(get("/dashboard?region=2"), NATIONAL)).isEqualTo(HeavyWorkGate.Lane.REGION);
		assertThat(HeavyWorkGate.lane(get("/surveys/results?district=15"), NATIONAL)).isEqualTo(HeavyWorkGate.Lane.REGION);
		assertThat(HeavyWorkGate.lane(get("/dashboard"), REGIONAL)).isEqualTo(HeavyWorkGate.Lane.REGION);
		assertThat(HeavyWorkGate.lane(get("/dashboard?region=1"), REGIONAL)).isEqualTo(HeavyWorkGate.Lane.REGION);
		assertThat(HeavyWorkGate.lane(get("/dashboard"), null)).isEqualTo(HeavyWorkGate.Lane.REGION);
		MockHttpServletRequest upload = get("/organizations/import/registry");
		upload.setMethod("POST");
		assertThat(HeavyWorkGate.lane(upload, NATIONAL)).isEqualTo(HeavyWorkGate.Lane.IMPORT);
	}

	@Test
	void aRegionRequestPassesWhileACountryRequestHoldsItsLaneAndASecondCountryRequestWaits() throws Exception {
		HeavyWorkGate gate = new HeavyWorkGate(1, Duration.ofSeconds(10), pages, meters);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger ran = new AtomicInteger();
		ExecutorService three = Executors.newFixedThreadPool(3);
		try {
			Future<?> country = three.submit(() -> filterAs(gate, NATIONAL, "/dashboard", () -> {
				inside.countDown();
				await(release);
				ran.incrementAndGet();
			}));
			assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
			Future<MockHttpServletResponse> secondCountry = three.submit(
					() -> filterAs(gate, NATIONAL, "/reports/coverage", ran::incrementAndGet));
			// the region's dashboard runs at once, although the country lane is full and has a queue
			MockHttpServletResponse region = three.submit(() -> filterAs(gate, REGIONAL, "/dashboard", ran::incrementAndGet))
				.get(2, TimeUnit.SECONDS);
			assertThat(region.getStatus()).isEqualTo(200);
			assertThat(ran).hasValue(1);
			Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiting("country"), w -> w == 1.0);
			assertThat(secondCountry.isDone()).as("the second country request waits for the first").isFalse();
			assertThat(waiting("region")).isEqualTo(0.0);
			release.countDown();
			country.get(5, TimeUnit.SECONDS);
			assertThat(secondCountry.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
			assertThat(ran).hasValue(3);
		}
		finally {
			three.shutdownNow();
		}
	}

	@Test
	void aCountryRequestWaitingTooLongIsRefusedAndCountedInItsOwnLane() throws Exception {
		HeavyWorkGate gate = new HeavyWorkGate(1, Duration.ofMillis(100), pages, meters);
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		pool.submit(() -> filterAs(gate, NATIONAL, "/surveys/results", () -> {
			inside.countDown();
			await(release);
		}));
		assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
		AtomicInteger ran = new AtomicInteger();
		MockHttpServletResponse refused = pool.submit(() -> filterAs(gate, NATIONAL, "/dashboard", ran::incrementAndGet))
			.get(5, TimeUnit.SECONDS);
		release.countDown();
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(ran).hasValue(0);
		assertThat(busyPages).hasValue(1);
		assertThat(meters.get("oqytu.heavy.work.refused").tag("lane", "country").counter().count()).isEqualTo(1.0);
		assertThat(meters.get("oqytu.heavy.work.refused").tag("lane", "region").counter().count()).isEqualTo(0.0);
	}

	private static MockHttpServletResponse filterAs(HeavyWorkGate gate, CurrentUser user, String path, Runnable work)
			throws Exception {
		OqytuPrincipal principal = new OqytuPrincipal(user, "x", true);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		try {
			MockHttpServletResponse response = new MockHttpServletResponse();
			FilterChain chain = (request, res) -> work.run();
			gate.doFilter(get(path), response, chain);
			return response;
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static MockHttpServletRequest get(String path) {
		int query = path.indexOf('?');
		String uri = query < 0 ? path : path.substring(0, query);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		request.setRequestURI(uri);
		if (query >= 0) {
			for (String pair : path.substring(query + 1).split("&")) {
				String[] kv = pair.split("=", 2);
				request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		return request;
	}

	private static MockHttpServletResponse filter(HeavyWorkGate gate, String path, Runnable work) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (request, res) -> work.run();
		gate.doFilter(get(path), response, chain);
		return response;
	}

	private double waiting(String lane) {
		return meters.get("oqytu.heavy.work.waiting").tag("lane", lane).gauge().value();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
