package kz.oqytu.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test sets or moves it. Its views in other zones ({@link #withZone})
 * share its instant, so a test that moves it moves them too.
 */
public final class SettableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public SettableClock(Instant now, ZoneId zone) {
		this(new AtomicReference<>(now), zone);
	}

	private SettableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	/** The given local time in the clock's zone. */
	public void set(LocalDateTime local) {
		now.set(local.atZone(zone).toInstant());
	}

	public void advance(Duration by) {
		now.updateAndGet(instant -> instant.plus(by));
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new SettableClock(now, other);
	}
}
