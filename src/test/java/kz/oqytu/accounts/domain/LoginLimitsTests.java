package kz.oqytu.accounts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.oqytu.accounts.domain.LoginLimits.Count;
import kz.oqytu.accounts.domain.LoginLimits.Decision;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic: free tries, doubling waits with a ceiling, the address window. */
class LoginLimitsTests {

	private static final Instant T0 = Instant.parse("2027-03-01T04:00:00Z");

	@Test
	void theWaitDoublesFromOneSecondAfterTheFifthTryAndStopsAtFifteenMinutes() {
		List<Long> waits = new ArrayList<>();
		for (int tries = 1; tries <= 20; tries++) {
			waits.add(LoginLimits.delayAfter(tries).toSeconds());
		}
		assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L,
				900L, 900L, 900L, 900L);
		assertThat(LoginLimits.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void aNameIsRefusedDuringItsWaitAndCountedAfterIt() {
		Count count = Count.NONE;
		for (int i = 0; i < 5; i++) {
			Decision d = LoginLimits.accountTry(count, T0);
			assertThat(d.admitted()).isTrue();
			count = d.next();
		}
		assertThat(count.notBefore()).isEqualTo(T0.plusSeconds(1));
		assertThat(LoginLimits.accountTry(count, T0.plusMillis(999)).refusedUntil()).isEqualTo(T0.plusSeconds(1));
		Decision after = LoginLimits.accountTry(count, T0.plusSeconds(1));
		assertThat(after.next().tries()).isEqualTo(6);
		assertThat(after.next().notBefore()).isEqualTo(T0.plusSeconds(3));
	}

	@Test
	void aNamesCountStartsAgainADayAfterItsFirstTry() {
		Count old = new Count(12, T0, T0.plus(Duration.ofMinutes(2)));
		Decision nextDay = LoginLimits.accountTry(old, T0.plus(Duration.ofDays(1)));
		assertThat(nextDay.next()).isEqualTo(new Count(1, T0.plus(Duration.ofDays(1)), null));
	}

	@Test
	void anAddressTakesThirtyTriesPerFifteenMinutes() {
		Count count = Count.NONE;
		for (int i = 0; i < 30; i++) {
			count = LoginLimits.addressTry(count, T0.plusSeconds(i)).next();
		}
		assertThat(count.notBefore()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
		assertThat(LoginLimits.addressTry(count, T0.plus(Duration.ofMinutes(14))).refusedUntil())
			.isEqualTo(T0.plus(Duration.ofMinutes(15)));
		assertThat(LoginLimits.addressTry(count, T0.plus(Duration.ofMinutes(15))).next().tries()).isEqualTo(1);
	}

	@Test
	void aSuccessGivesTheAddressItsTryBack() {
		Count full = new Count(30, T0, T0.plus(Duration.ofMinutes(15)));
		Count refunded = LoginLimits.addressRefund(full);
		assertThat(refunded).isEqualTo(new Count(29, T0, null));
		assertThat(LoginLimits.addressRefund(new Count(0, T0, null)).tries()).isZero();
	}
}
