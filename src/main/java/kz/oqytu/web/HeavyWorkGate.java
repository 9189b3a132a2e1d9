package kz.oqytu.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead for the heavy requests (Excel and PDF exports, the dashboard and the report pages, which
 * aggregate a region's or the union's whole year, and spreadsheet imports): at most {@code oqytu.heavy-work.concurrency} of
 * them run at once, by default one less than the processors (at least one), so the light requests
 * (survey answers, lists, forms) always have a core. Others wait their turn, up to
 * {@code oqytu.heavy-work.max-wait} (60 s), then get the localized "busy, try again" page (503).
 *
 * <p>Measured by {@code bench/run} S7 (survey answers while two exports and dashboards run); runs
 * after the security filters, so only signed-in people queue.
 */
@Component
class HeavyWorkGate extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(HeavyWorkGate.class);

	private final Semaphore permits;

	private final int concurrency;

	private final Duration maxWait;

	private final DatabaseOutageFilter pages;

	private final Counter refused;

	HeavyWorkGate(@Value("${oqytu.heavy-work.concurrency:0}") int concurrency,
			@Value("${oqytu.heavy-work.max-wait:PT60S}") Duration maxWait, DatabaseOutageFilter pages,
			MeterRegistry meters) {
		this.concurrency = concurrency > 0 ? concurrency : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
		this.permits = new Semaphore(this.concurrency, true);
		this.maxWait = maxWait;
		this.pages = pages;
		this.refused = Counter.builder("oqytu.heavy.work.refused")
			.description("Exports and report pages refused after waiting their turn too long")
			.register(meters);
		meters.gauge("oqytu.heavy.work.waiting", this.permits, Semaphore::getQueueLength);
	}

	/**
	 * Exports (xlsx, pdf, csv), the pages that aggregate a whole year (dashboard, coverage report,
	 * monitoring), and every step of a spreadsheet import that reads the file (upload, preview,
	 * columns, commit), so one large file never takes the cores the others need.
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
				|| path.equals("/reports/coverage") || path.equals("/reports/monitoring");
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
		boolean acquired;
		try {
			acquired = this.permits.tryAcquire(this.maxWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			this.refused.increment();
			log.warn("Heavy request refused after waiting {}: {} {}", this.maxWait, request.getMethod(),
					request.getRequestURI());
			this.pages.render(request, response, true);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}
}
