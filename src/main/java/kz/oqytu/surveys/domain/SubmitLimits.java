package kz.oqytu.surveys.domain;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import kz.oqytu.shared.BoundedCache;

/**
 * Per-survey and per-device limits on answers, counted per minute on this instance, never per
 * address (a seminar room shares one). Sized so that a real hall never meets them: the survey's
 * limit is twice the largest hall answering within one minute. Written by hand rather than with
 * Bucket4j: two counters a minute in a bounded map are all it takes, and refusing here protects
 * the database of this instance, which is what a per-instance count is for.
 */
@Component
class SubmitLimits {

	private final SurveyProperties properties;

	private final Clock clock;

	private final BoundedCache<Long, Window> surveys = new BoundedCache<>(10_000);

	private final BoundedCache<UUID, Window> devices = new BoundedCache<>(100_000);

	SubmitLimits(SurveyProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** Counts one post of the device to the survey; false when either is over its limit this minute. */
	boolean allow(long surveyId, UUID device) {
		long minute = clock.millis() / 60_000;
		boolean deviceOk = devices.get(device, k -> new Window()).count(minute) <= properties.devicePostsPerMinute();
		return deviceOk && surveys.get(surveyId, k -> new Window()).count(minute) <= properties.answersPerMinute();
	}

	/** A count for the current minute. */
	private static final class Window {

		private final AtomicLong state = new AtomicLong();

		/** The count after this one, in the given minute (a new minute starts again at one). */
		long count(long minute) {
			while (true) {
				long s = state.get();
				long at = s >>> 24;
				long n = s & 0xFFFFFF;
				long next = at == (minute & 0xFFFFFFFFFFL) ? Math.min(n + 1, 0xFFFFFF) : 1;
				if (state.compareAndSet(s, ((minute & 0xFFFFFFFFFFL) << 24) | next)) {
					return next;
				}
			}
		}
	}
}
