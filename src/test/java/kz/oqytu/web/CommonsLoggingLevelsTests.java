package kz.oqytu.web;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's logging (Apache Commons Logging 1.3) goes through the Log4j API adapter, which asks whether a
 * level is enabled before it formats a message; commons-logging's own SLF4J adapter formatted every debug
 * and trace message first (Spring Security's lazy "Authorizing method invocation …" on every staff request,
 * issue #17, decision 63). What is logged still reaches Logback.
 */
class CommonsLoggingLevelsTests {

	@Test
	void aDisabledLevelFormatsNothingAndAnEnabledOneStillLogs() {
		String name = "kz.oqytu.test.quiet";
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name)).setLevel(Level.INFO);
		Log log = LogFactory.getLog(name);
		assertThat(LogFactory.getFactory().getClass().getName())
			.isEqualTo("org.apache.commons.logging.impl.Log4jApiLogFactory");

		AtomicInteger formatted = new AtomicInteger();
		Object message = new Object() {
			@Override
			public String toString() {
				formatted.incrementAndGet();
				return "a message";
			}
		};
		log.debug(message);
		log.trace(message);
		assertThat(formatted).as("debug and trace below INFO").hasValue(0);
		assertThat(log.isDebugEnabled()).isFalse();

		log.info(message);
		assertThat(formatted).as("INFO is logged").hasPositiveValue();
	}
}
