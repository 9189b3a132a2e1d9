package kz.oqytu.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link Clock}: the union's configured zone ({@code oqytu.time-zone}), so the
 * server's own zone (UTC in a container) never decides which day it is.
 *
 * <p>{@code oqytu.clock.start} (a local date or date-time in that zone) makes the clock start at that
 * moment and tick on from there: the test suite runs at a year's end or years ahead with it, and a
 * rehearsal of the yearly cycle can too. It is never set in production.
 */
@Configuration(proxyBeanMethods = false)
public class UnionClock {

	private static final Logger log = LoggerFactory.getLogger(UnionClock.class);

	/** Used where no bean can be injected (JPA lifecycle callbacks); set when the bean is made. */
	private static volatile Clock current = Clock.systemDefaultZone();

	@Bean
	Clock clock(@Value("${oqytu.time-zone:Asia/Aqtobe}") String zone, @Value("${oqytu.clock.start:}") String start) {
		Clock clock = create(ZoneId.of(zone.trim()), start, Clock.systemUTC());
		if (start != null && !start.isBlank()) {
			log.warn("The clock starts at {} ({}) instead of the real time: oqytu.clock.start is set", start, zone);
		}
		current = clock;
		return clock;
	}

	/** The clock for a zone, started at {@code start} (blank: the real time) and ticking like {@code base}. */
	public static Clock create(ZoneId zone, String start, Clock base) {
		Clock real = base.withZone(zone);
		if (start == null || start.isBlank()) {
			return real;
		}
		Instant at = parseStart(start.trim()).atZone(zone).toInstant();
		return Clock.offset(real, Duration.between(real.instant(), at));
	}

	private static LocalDateTime parseStart(String start) {
		try {
			return start.length() <= 10 ? LocalDate.parse(start).atTime(0, 30) : LocalDateTime.parse(start);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("oqytu.clock.start must be a date (2027-01-01) or a local date-time"
					+ " (2027-01-01T00:30), not '" + start + "'", ex);
		}
	}

	/**
	 * The application's clock for code that cannot have it injected: entity timestamps set in JPA
	 * callbacks. Everything else takes the {@link Clock} bean.
	 */
	public static Clock current() {
		return current;
	}
}
