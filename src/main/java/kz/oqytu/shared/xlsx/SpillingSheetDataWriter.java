package kz.oqytu.shared.xlsx;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * SXSSF's temporary file of a sheet's rows, written as it is for its first {@code rawLimit} bytes and
 * gzipped (fastest level) after that (issue #17, S5). Gzipping every byte, as before, cost an export of
 * 96 000 participants half its time: each byte was deflated into the temp file, inflated again and
 * deflated a second time into the workbook. Most exports (a year of a region, of the country: 50 MB of
 * sheet XML) now stay plain; the largest (Excel's million rows, about 500 MB of XML) still keep their
 * temporary file near {@code rawLimit} plus a tenth of the rest. The workbook is the same either way.
 */
final class SpillingSheetDataWriter extends SheetDataWriter {

	/** Plain bytes before the rest is gzipped; assigned while the superclass constructor opens the file. */
	private SpillingOutputStream spill;

	/** Set before the superclass constructor runs, through {@link #LIMIT}: it opens the file. */
	private static final ThreadLocal<Long> LIMIT = new ThreadLocal<>();

	static SpillingSheetDataWriter create(SharedStringsTable strings, long rawLimit) throws IOException {
		LIMIT.set(rawLimit);
		try {
			return new SpillingSheetDataWriter(strings);
		}
		finally {
			LIMIT.remove();
		}
	}

	private SpillingSheetDataWriter(SharedStringsTable strings) throws IOException {
		super(strings);
	}

	/**
	 * The sheet's XML through a buffer that takes POI's one-character writes without a lock: POI writes
	 * every escaped character and attribute on its own ({@code Writer.write(int)}), and the
	 * {@code BufferedWriter} it opens takes its lock for each, a third of a large export's time in a
	 * flight recording (issue #17, S5). The bytes are the same: UTF-8 by an {@code OutputStreamWriter},
	 * handed a block at a time.
	 */
	@Override
	public Writer createWriter(File fd) throws IOException {
		return new UnsynchronizedWriter(new OutputStreamWriter(decorateOutputStream(new FileOutputStream(fd)), StandardCharsets.UTF_8));
	}

	/** A character buffer in front of a writer, for one thread: no lock per character. */
	static final class UnsynchronizedWriter extends Writer {

		private final Writer out;

		private final char[] buffer = new char[1 << 14];

		private int size;

		UnsynchronizedWriter(Writer out) {
			this.out = out;
		}

		@Override
		public void write(int c) throws IOException {
			if (size == buffer.length) {
				drain();
			}
			buffer[size++] = (char) c;
		}

		@Override
		public void write(char[] chars, int off, int len) throws IOException {
			if (len > buffer.length - size) {
				drain();
				if (len >= buffer.length) {
					out.write(chars, off, len);
					return;
				}
			}
			System.arraycopy(chars, off, buffer, size, len);
			size += len;
		}

		@Override
		public void write(String text, int off, int len) throws IOException {
			if (len > buffer.length - size) {
				drain();
				if (len >= buffer.length) {
					out.write(text, off, len);
					return;
				}
			}
			text.getChars(off, off + len, buffer, size);
			size += len;
		}

		private void drain() throws IOException {
			if (size > 0) {
				out.write(buffer, 0, size);
				size = 0;
			}
		}

		@Override
		public void flush() throws IOException {
			drain();
			out.flush();
		}

		@Override
		public void close() throws IOException {
			drain();
			out.close();
		}
	}

	@Override
	protected OutputStream decorateOutputStream(FileOutputStream fos) {
		Long limit = LIMIT.get();
		spill = new SpillingOutputStream(new BufferedOutputStream(fos, 1 << 16), limit == null ? 0 : limit);
		return spill;
	}

	@Override
	protected InputStream decorateInputStream(FileInputStream fis) {
		InputStream in = new BufferedInputStream(fis, 1 << 16);
		return spill.compressed() ? new SpilledInputStream(in, spill.plain()) : in;
	}

	/** Plain up to the limit, then a gzip member to the end. */
	static final class SpillingOutputStream extends OutputStream {

		private final OutputStream file;

		private final long limit;

		private long plain;

		private GZIPOutputStream gzip;

		SpillingOutputStream(OutputStream file, long limit) {
			this.file = file;
			this.limit = limit;
		}

		long plain() {
			return plain;
		}

		boolean compressed() {
			return gzip != null;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			if (gzip == null) {
				int room = (int) Math.min(len, limit - plain);
				if (room > 0) {
					file.write(b, off, room);
					plain += room;
					off += room;
					len -= room;
				}
				if (len == 0) {
					return;
				}
				gzip = new GZIPOutputStream(file, 1 << 16) {
					{
						def.setLevel(Deflater.BEST_SPEED);
					}
				};
			}
			gzip.write(b, off, len);
		}

		@Override
		public void flush() throws IOException {
			(gzip == null ? file : gzip).flush();
		}

		@Override
		public void close() throws IOException {
			if (gzip != null) {
				gzip.close(); // finishes the member and closes the file
			}
			else {
				file.close();
			}
		}
	}

	/** Reads {@code plain} bytes as they are, then inflates the rest. */
	static final class SpilledInputStream extends InputStream {

		private final InputStream file;

		private long plain;

		private InputStream rest;

		SpilledInputStream(InputStream file, long plain) {
			this.file = file;
			this.plain = plain;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (plain > 0) {
				int n = file.read(b, off, (int) Math.min(len, plain));
				if (n > 0) {
					plain -= n;
				}
				return n;
			}
			if (rest == null) {
				// opened only now: GZIPInputStream reads the member's header as it is made
				rest = new GZIPInputStream(file, 1 << 16);
			}
			return rest.read(b, off, len);
		}

		@Override
		public void close() throws IOException {
			(rest == null ? file : rest).close();
		}
	}
}
