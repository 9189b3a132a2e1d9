package kz.oqytu.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import kz.oqytu.shared.work.GiveWay;

/**
 * Counts the light requests being served, for {@link GiveWay}: long exports pause between batches while
 * one is (decision 0048). Light is everything the {@link HeavyWorkGate} does not gate, except static
 * files and the actuator: survey answers, forms, lists, the portal. Outside the security filters, so
 * the session lookup of a light request counts too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LightRequestsFilter extends OncePerRequestFilter {

	LightRequestsFilter(MeterRegistry meters) {
		Gauge.builder("oqytu.light.requests", GiveWay::lightInFlight)
			.description("Light requests being served, which long exports give way to")
			.register(meters);
		FunctionCounter.builder("oqytu.heavy.work.gave.way", GiveWay.class, g -> GiveWay.pauses())
			.description("Times a long export paused for light requests")
			.register(meters);
		FunctionCounter.builder("oqytu.heavy.work.gave.way.millis", GiveWay.class, g -> GiveWay.pausedMillis())
			.description("Milliseconds long exports spent paused for light requests")
			.register(meters);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (HeavyWorkGate.isHeavy(request)) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.startsWith("/actuator/") || path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		GiveWay.lightStarted();
		try {
			chain.doFilter(request, response);
		}
		finally {
			GiveWay.lightEnded();
		}
	}
}
