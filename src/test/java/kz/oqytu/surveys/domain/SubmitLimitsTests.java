package kz.oqytu.surveys.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-survey and per-device limits on answers a minute, never per address, counted in PostgreSQL
 * (decision 0037; that two instances share them is shown by {@code operations.SeveralInstancesTests}).
 * Survey ids below zero, which no survey has, on a clock of the test's own.
 */
@OqytuIntegrationTest
class SubmitLimitsTests {

	@Autowired
	JdbcClient jdbc;

	private final SettableClock clock = new SettableClock(Instant.parse("2027-03-10T05:00:10Z"), ZoneOffset.UTC);

	private SubmitLimits limits(int perSurvey, int perDevice) {
		return new SubmitLimits(jdbc, new SurveyProperties(null, null, null, null, null, null, null, null, null, null, null,
				perSurvey, perDevice, null), clock);
	}

	@Test
	void aSurveyTakesItsLimitOfDevicesAMinuteThenAsksToWaitUntilTheNextMinute() {
		SubmitLimits limits = limits(600, 20);
		for (int i = 0; i < 600; i++) {
			assertThat(limits.allow(-1, UUID.randomUUID())).as("answer " + (i + 1)).isTrue();
		}
		assertThat(limits.allow(-1, UUID.randomUUID())).isFalse();
		assertThat(limits.allow(-2, UUID.randomUUID())).as("another survey").isTrue();
		clock.advance(Duration.ofMinutes(1));
		assertThat(limits.allow(-1, UUID.randomUUID())).isTrue();
	}

	@Test
	void oneDeviceIsLimitedWithoutTouchingOthers() {
		SubmitLimits limits = limits(1200, 3);
		UUID device = UUID.randomUUID();
		assertThat(limits.allow(-4, device)).isTrue();
		assertThat(limits.allow(-4, device)).isTrue();
		assertThat(limits.allow(-4, device)).isTrue();
		assertThat(limits.allow(-4, device)).isFalse();
		assertThat(limits.allow(-4, UUID.randomUUID())).isTrue();
	}

	@Test
	void aDeviceOverItsLimitDoesNotUseUpTheSurveys() {
		SubmitLimits limits = limits(3, 1);
		UUID device = UUID.randomUUID();
		assertThat(limits.allow(-3, device)).isTrue();
		for (int i = 0; i < 5; i++) {
			assertThat(limits.allow(-3, device)).isFalse();
		}
		assertThat(limits.allow(-3, UUID.randomUUID())).isTrue();
		assertThat(limits.allow(-3, UUID.randomUUID())).isTrue();
		assertThat(limits.allow(-3, UUID.randomUUID())).as("the survey's fourth device").isFalse();
	}

	@Test
	void theDefaultsTakeTwiceTheLargestHallInAMinute() {
		SurveyProperties defaults = new SurveyProperties(null, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
		assertThat(defaults.answersPerMinute()).isEqualTo(1200);
		assertThat(defaults.addressFlagThreshold()).isGreaterThanOrEqualTo(600);
		assertThat(defaults.minFillTime()).isEqualTo(Duration.ofSeconds(5));
	}
}
