package kz.oqytu.web;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.CurrentUsers;
import kz.oqytu.shared.work.GiveWay;

/**
 * A bulkhead for the heavy requests (Excel and PDF exports, the dashboard and the report pages, which
 * aggregate a region's or the union's whole year, survey results, and spreadsheet imports), in lanes
 * (decision 36): the whole country's work, one region's work and imports each wait only behind their
 * own kind, so a country dashboard never queues a region's page. The region lane lets
 * {@code oqytu.heavy-work.concurrency} run at once, by default one less than the processors (at least
 * one), so the light requests (survey answers, lists, forms) always have a core; the country and
 * import lanes one each ({@code country-concurrency}, {@code import-concurrency}). Others wait their
 * turn, up to {@code oqytu.heavy-work.max-wait} (60 s), then get the localized "busy, try again" page
 * (503).
 *
 * <p>Measured by {@code bench/run} S7 (survey answers while two exports and dashboards run); runs
 * after the security filters, so only signed-in people queue.
 */
@Component
class HeavyWorkGate extends OncePerRequestFilter {

	/** Which queue a heavy request waits in. */
	enum Lane {

		/** Work whose scope is the whole country: a national account with no region chosen. */
		COUNTRY,
		/** Work on one region or a part of one. */
		REGION,
		/** A step of a spreadsheet import that reads the file. */
		IMPORT;

		String tag() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	private static final Logger log = LoggerFactory.getLogger(HeavyWorkGate.class);

	private final Map<Lane, Semaphore> permits = new EnumMap<>(Lane.class);

	private final Map<Lane, Counter> refused = new EnumMap<>(Lane.class);

	private final int concurrency;

	private final Duration maxWait;

	private final DatabaseOutageFilter pages;

	HeavyWorkGate(int concurrency, Duration maxWait, DatabaseOutageFilter pages, MeterRegistry meters) {
		this(concurrency, 1, 1, maxWait, pages, meters);
	}

	@Autowired
	HeavyWorkGate(@Value("${oqytu.heavy-work.concurrency:0}") int concurrency,
			@Value("${oqytu.heavy-work.country-concurrency:1}") int countryConcurrency,
			@Value("${oqytu.heavy-work.import-concurrency:1}") int importConcurrency,
			@Value("${oqytu.heavy-work.max-wait:PT60S}") Duration maxWait, DatabaseOutageFilter pages,
			MeterRegistry meters) {
		this.concurrency = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		this.permits.put(Lane.COUNTRY, new Semaphore(Math.max(1, countryConcurrency), true));
		this.permits.put(Lane.REGION, new Semaphore(this.concurrency, true));
		this.permits.put(Lane.IMPORT, new Semaphore(Math.max(1, importConcurrency), true));
		this.maxWait = maxWait;
		this.pages = pages;
		for (Lane lane : Lane.values()) {
			this.refused.put(lane, Counter.builder("oqytu.heavy.work.refused")
				.description("Exports and report pages refused after waiting their turn too long")
				.tag("lane", lane.tag())
				.register(meters));
			Gauge.builder("oqytu.heavy.work.waiting", this.permits.get(lane), Semaphore::getQueueLength)
				.description("Heavy requests waiting for their turn")
				.tag("lane", lane.tag())
				.register(meters);
		}
	}

	/**
	 * Exports (xlsx, pdf, csv), the pages that aggregate a whole year (dashboard, coverage report,
	 * monitoring, survey results), and every step of a spreadsheet import that reads the file (upload,
	 * preview, columns, commit), so one large file never takes the cores the others need.
	 */
	static boolean isHeavy(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isImportStep(request.getMethod(), path)) {
			return true;
		}
		if (!"GET".equals(request.getMethod())) {
			return false;
		}
		return path.endsWith(".xlsx") || path.endsWith(".pdf") || path.endsWith(".csv") || path.equals("/dashboard")
				|| path.equals("/reports/coverage") || path.equals("/reports/monitoring")
				|| path.equals("/surveys/results");
	}

	/**
	 * The lane of a heavy request. Country: the account's scope is the root of the tree (one node in
	 * its path, "/1/") and the request narrows it neither to a region ({@code ?region=}) nor to a
	 * district ({@code ?district=}), or names the root itself. Everything else a signed-in person asks
	 * for covers one region at most.
	 */
	static Lane lane(HttpServletRequest request, CurrentUser user) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (isImportStep(request.getMethod(), path)) {
			return Lane.IMPORT;
		}
		if (user == null || !national(user.scopePath())) {
			return Lane.REGION;
		}
		return narrowed(request.getParameter("region"), user) || narrowed(request.getParameter("district"), user)
				? Lane.REGION : Lane.COUNTRY;
	}

	/** "/1/": the root; "/1/2/" and deeper: a region or below. */
	private static boolean national(String scopePath) {
		if (scopePath == null) {
			return false;
		}
		String inner = scopePath.replaceAll("^/+|/+$", "");
		return !inner.isEmpty() && !inner.contains("/");
	}

	private static boolean narrowed(String value, CurrentUser user) {
		return value != null && !value.isBlank() && !value.strip().equals(Long.toString(user.scopeUnitId()));
	}

	/**
	 * {@code .../import} posted (the upload, checked on arrival) and anything below it
	 * ({@code .../import/{upload}}, {@code /columns}, {@code /commit}); the import form pages
	 * themselves ({@code GET /budget/import}) are light.
	 */
	private static boolean isImportStep(String method, String path) {
		int at = path.indexOf("/import");
		if (at < 0) {
			return false;
		}
		String rest = path.substring(at + "/import".length());
		if (!rest.isEmpty() && !rest.startsWith("/")) {
			return false;
		}
		return rest.length() > 1 || "POST".equals(method);
	}

	int concurrency() {
		return this.concurrency;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isHeavy(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Lane lane = lane(request, CurrentUsers.current().orElse(null));
		Semaphore lanePermits = this.permits.get(lane);
		boolean acquired;
		try {
			acquired = lanePermits.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			this.refused.get(lane).increment();
			log.warn("Heavy request refused after waiting {} in the {} lane: {} {}", this.maxWait, lane.tag(),
					request.getMethod(), request.getRequestURI());
			this.pages.render(request, response, true);
			return;
		}
		try {
			// A heavy request about to start lets the light ones being served finish first (at most
			// GiveWay.MAX_PAUSE_MILLIS): a dashboard costs a person a few milliseconds more, a survey
			// answer on a phone keeps its core (decision 0048, bench S7).
			GiveWay.now();
			chain.doFilter(request, response);
		}
		finally {
			lanePermits.release();
		}
	}
}
