package kz.oqytu.accounts.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of login throttling, apart from the database so it can be checked on its own.
 *
 * <p>An account name gets {@link #ACCOUNT_FREE_TRIES} tries; after that every try makes the next wait
 * twice as long as the last, from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}. The name is never
 * locked for longer than that, so nobody can lock the administrator out for long, and the right
 * password works as soon as the wait is over. A client address gets {@link #ADDRESS_TRIES}
 * unsuccessful tries per {@link #ADDRESS_WINDOW}, which stops spraying one password over many names
 * while a seminar room's few staff logins behind one address stay far below it.
 */
final class LoginLimits {

	static final int ACCOUNT_FREE_TRIES = 5;

	static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	static final Duration MAX_DELAY = Duration.ofMinutes(15);

	/** An account's count starts again this long after its first counted try. */
	static final Duration ACCOUNT_WINDOW = Duration.ofDays(1);

	static final int ADDRESS_TRIES = 30;

	static final Duration ADDRESS_WINDOW = Duration.ofMinutes(15);

	private LoginLimits() {
	}

	/** One row of {@code login_throttle}: tries counted since {@code windowStart}; none checked before {@code notBefore}. */
	record Count(int tries, Instant windowStart, Instant notBefore) {

		static final Count NONE = new Count(0, Instant.EPOCH, null);

		boolean waiting(Instant now) {
			return notBefore != null && now.isBefore(notBefore);
		}
	}

	/** A try is either checked (and counted as {@code next}) or refused until an instant. */
	record Decision(Count next, Instant refusedUntil) {

		static Decision admit(Count next) {
			return new Decision(next, null);
		}

		static Decision refuse(Instant until) {
			return new Decision(null, until);
		}

		boolean admitted() {
			return refusedUntil == null;
		}
	}

	/** A try at an account name: refused while the name waits, else counted, with the wait it earns. */
	static Decision accountTry(Count current, Instant now) {
		if (current.waiting(now)) {
			return Decision.refuse(current.notBefore());
		}
		Count count = windowOver(current, ACCOUNT_WINDOW, now) ? new Count(0, now, null) : current;
		int tries = count.tries() + 1;
		Instant notBefore = tries >= ACCOUNT_FREE_TRIES ? now.plus(delayAfter(tries)) : null;
		return Decision.admit(new Count(tries, count.windowStart(), notBefore));
	}

	/** The wait after {@code tries} counted tries: 1 s after the fifth, doubling, at most 15 minutes. */
	static Duration delayAfter(int tries) {
		if (tries < ACCOUNT_FREE_TRIES) {
			return Duration.ZERO;
		}
		int doublings = Math.min(tries - ACCOUNT_FREE_TRIES, 30);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
	}

	/** A try from a client address: refused once its window holds the limit, else counted. */
	static Decision addressTry(Count current, Instant now) {
		Count count = windowOver(current, ADDRESS_WINDOW, now) ? new Count(0, now, null) : current;
		Instant windowEnd = count.windowStart().plus(ADDRESS_WINDOW);
		if (count.tries() >= ADDRESS_TRIES) {
			return Decision.refuse(windowEnd);
		}
		int tries = count.tries() + 1;
		return Decision.admit(new Count(tries, count.windowStart(), tries >= ADDRESS_TRIES ? windowEnd : null));
	}

	/** A successful sign-in gives its try back to the address, so only failures use the address up. */
	static Count addressRefund(Count current) {
		int tries = Math.max(0, current.tries() - 1);
		return new Count(tries, current.windowStart(), tries >= ADDRESS_TRIES ? current.notBefore() : null);
	}

	private static boolean windowOver(Count count, Duration window, Instant now) {
		return !count.windowStart().plus(window).isAfter(now);
	}
}
