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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
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
		Thread.sleep(200);
		assertThat(second.isDone()).as("the second waits while the first runs").isFalse();
		assertThat(meters.get("oqytu.heavy.work.waiting").gauge().value()).isEqualTo(1.0);
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
		assertThat(meters.get("oqytu.heavy.work.refused").counter().count()).isEqualTo(1.0);
	}

	@Test
	void byDefaultOneProcessorIsKeptForTheLightRequests() {
		int processors = Runtime.getRuntime().availableProcessors();
		assertThat(new HeavyWorkGate(0, Duration.ofSeconds(1), pages, meters).concurrency())
			.isEqualTo(Math.max(1, processors - 1));
		assertThat(new HeavyWorkGate(3, Duration.ofSeconds(1), pages, new SimpleMeterRegistry()).concurrency()).isEqualTo(3);
	}

	private static MockHttpServletRequest get(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRequestURI(path);
		return request;
	}

	private static MockHttpServletResponse filter(HeavyWorkGate gate, String path, Runnable work) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		FilterChain chain = (request, res) -> work.run();
		gate.doFilter(get(path), response, chain);
		return response;
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
