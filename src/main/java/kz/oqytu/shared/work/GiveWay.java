package kz.oqytu.shared.work;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Long exports give way to light requests (issue #17, bench S7; decision 0048). On a two-core server a
 * participants export of the whole year keeps a core busy for seconds writing and deflating XML, and
 * the survey answers that arrive meanwhile (a participant waiting on a phone) shared that core with it.
 * The web layer counts the light requests being served ({@link #lightStarted()} / {@link #lightEnded()}:
 * everything but the heavy-work gate's requests and static files); an export calls {@link #now()} between
 * batches of rows and, while a light request is being served, waits for it, at most
 * {@value #MAX_PAUSE_MILLIS} ms at a time, so an export under a steady stream of answers still moves on.
 *
 * <p>A process-wide count, not a bean: the workbook writers are created with {@code new} in many places,
 * and what is shared is the process's cores.
 */
public final class GiveWay {

	/** The longest one pause lasts; the export then writes its next batch whatever comes. */
	public static final long MAX_PAUSE_MILLIS = 20;

	private static final long STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(250);

	/** Bytes an export stream writes between two looks at the light requests. */
	static final int BYTES_BETWEEN_LOOKS = 64 * 1024;

	private static final AtomicInteger light = new AtomicInteger();

	private static final AtomicLong pauses = new AtomicLong();

	private static final AtomicLong pausedNanos = new AtomicLong();

	private GiveWay() {
	}

	/** A light request starts being served. */
	public static void lightStarted() {
		light.incrementAndGet();
	}

	/** A light request has been served (always paired with {@link #lightStarted()}, in a finally). */
	public static void lightEnded() {
		light.decrementAndGet();
	}

	/** Light requests being served now. */
	public static int lightInFlight() {
		return Math.max(0, light.get());
	}

	/** How many times heavy work has waited for light requests since start (a metric). */
	public static long pauses() {
		return pauses.get();
	}

	/** Milliseconds heavy work has spent waiting for light requests since start (a metric). */
	public static double pausedMillis() {
		return pausedNanos.get() / 1e6;
	}

	/**
	 * Called by heavy work between batches: returns at once when no light request is being served,
	 * otherwise when none is, or after {@value #MAX_PAUSE_MILLIS} ms.
	 */
	public static void now() {
		if (light.get() <= 0) {
			return;
		}
		long start = System.nanoTime();
		long deadline = start + TimeUnit.MILLISECONDS.toNanos(MAX_PAUSE_MILLIS);
		pauses.incrementAndGet();
		while (light.get() > 0 && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
			LockSupport.parkNanos(STEP_NANOS);
		}
		pausedNanos.addAndGet(System.nanoTime() - start);
	}

	/**
	 * The stream an export's bytes go through: gives way every {@value #BYTES_BETWEEN_LOOKS} bytes, so
	 * the deflating of a large workbook at its end yields too.
	 */
	public static OutputStream pacing(OutputStream out) {
		return new FilterOutputStream(out) {

			private long sinceLook;

			@Override
			public void write(int b) throws IOException {
				out.write(b);
				counted(1);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
				counted(len);
			}

			private void counted(int n) {
				sinceLook += n;
				if (sinceLook >= BYTES_BETWEEN_LOOKS) {
					sinceLook = 0;
					now();
				}
			}
		};
	}
}
