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

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * SXSSF's temporary file of a sheet's rows, written as it is for its first {@code rawLimit} bytes and
 * gzipped (fastest level) after that (issue #17, S5). Gzipping every byte, as before, cost an export of
 * 96 000 participants half its time: each byte was deflated into the temp file, inflated again and
 * deflated a second time into the workbook. Most exports (a year of a region, of the country: 50 MB of
 * sheet XML) now stay plain; the largest (Excel's million rows, about 500 MB of XML) still keep their
 * temporary file near {@code rawLimit} plus a tenth of the rest. The workbook is the same either way.
 *
 * <p>It also writes the cells the exports make (text, numbers, blanks, true/false) itself, the same XML
 * as POI's {@link SheetDataWriter#writeCell} character for character, without POI's garbage: POI builds
 * each cell's reference ("B1234") through a {@code CellReference} and two strings, and escapes each text
 * through a stream of code points. Those were half the bytes a year's participant export allocated (1 GB
 * for 96 000 rows in a flight recording), and on a small heap every 34 MB of garbage is a young
 * collection that stops every request (issue #17: the export is about a fifth faster; the survey
 * answers measured during exports, S7, did not move: decision 64). Formulas, errors and shared strings
 * still go through POI.
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

	/** Whether text goes to the shared strings table (then POI writes it); inline strings otherwise. */
	private final boolean sharedStrings;

	/** The row being written, 0-based (POI keeps its own copy private). */
	private int rowNumber;

	/** Digits of a number being written, right-aligned. */
	private final char[] digits = new char[20];

	/** Column letters by index, made on first use: "A" … "Z", "AA" … */
	private static final String[] COLUMNS = new String[256];

	private SpillingSheetDataWriter(SharedStringsTable strings) throws IOException {
		super(strings);
		this.sharedStrings = strings != null;
	}

	@Override
	public void writeRow(int rownum, SXSSFRow row) throws IOException {
		this.rowNumber = rownum;
		super.writeRow(rownum, row);
	}

	/** POI's cell XML, written from the cell's values without building strings for it. */
	@Override
	public void writeCell(int columnIndex, Cell cell) throws IOException {
		if (cell == null) {
			return;
		}
		CellType type = cell.getCellType();
		boolean ours = type == CellType.NUMERIC || type == CellType.BLANK || type == CellType.BOOLEAN
				|| (type == CellType.STRING && !this.sharedStrings);
		if (!ours) {
			super.writeCell(columnIndex, cell);
			return;
		}
		this._out.write("<c r=\"");
		this._out.write(column(columnIndex));
		writeDigits(this.rowNumber + 1L);
		this._out.write('"');
		int style = cell.getCellStyle().getIndex() & 0xffff;
		if (style != 0) {
			this._out.write(" s=\"");
			writeDigits(style);
			this._out.write('"');
		}
		switch (type) {
			case BLANK -> this._out.write('>');
			case NUMERIC -> {
				this._out.write(" t=\"n\"><v>");
				writeNumber(cell.getNumericCellValue());
				this._out.write("</v>");
			}
			case BOOLEAN -> {
				this._out.write(" t=\"b\"><v>");
				this._out.write(cell.getBooleanCellValue() ? '1' : '0');
				this._out.write("</v>");
			}
			default -> {
				String text = cell.getStringCellValue();
				this._out.write(" t=\"inlineStr\"><is><t");
				if (spaceAtAnEnd(text)) {
					this._out.write(" xml:space=\"preserve\"");
				}
				this._out.write('>');
				outputEscapedString(text);
				this._out.write("</t></is>");
			}
		}
		this._out.write("</c>");
	}

	/**
	 * POI's escaping (the five XML characters as entities, line breaks, tabs and the no-break space as
	 * character references, other control characters and U+FFFE/U+FFFF as "?"), a run of plain
	 * characters at a time. A surrogate pair is two plain characters, as POI writes it.
	 */
	@Override
	protected void outputEscapedString(String text) throws IOException {
		if (text == null) {
			return;
		}
		int plainFrom = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			String replacement = replacement(text.charAt(i));
			if (replacement != null) {
				if (i > plainFrom) {
					this._out.write(text, plainFrom, i - plainFrom);
				}
				this._out.write(replacement);
				plainFrom = i + 1;
			}
		}
		if (plainFrom < length) {
			this._out.write(text, plainFrom, length - plainFrom);
		}
	}

	private static String replacement(char c) {
		return switch (c) {
			case '<' -> "&lt;";
			case '>' -> "&gt;";
			case '&' -> "&amp;";
			case '"' -> "&quot;";
			case '\n' -> "&#xa;";
			case '\r' -> "&#xd;";
			case '\t' -> "&#x9;";
			case '\u00A0' -> "&#xa0;";
			default -> c < ' ' || c >= '\uFFFE' ? "?" : null;
		};
	}

	private static boolean spaceAtAnEnd(String text) {
		return text != null && !text.isEmpty()
				&& (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
	}

	private static String column(int index) {
		if (index >= COLUMNS.length) {
			return CellReference.convertNumToColString(index);
		}
		String letters = COLUMNS[index];
		if (letters == null) {
			letters = CellReference.convertNumToColString(index);
			COLUMNS[index] = letters;
		}
		return letters;
	}

	/**
	 * {@link Double#toString(double)}'s text, as POI writes: whole numbers below ten million (counts,
	 * years, dates without a time) as their digits and ".0" without a string; anything else by
	 * {@code Double.toString}.
	 */
	private void writeNumber(double value) throws IOException {
		if (value == Math.rint(value) && Math.abs(value) < 1e7 && Double.doubleToRawLongBits(value) != Long.MIN_VALUE) {
			long whole = (long) value;
			if (whole < 0) {
				this._out.write('-');
				whole = -whole;
			}
			writeDigits(whole);
			this._out.write(".0");
		}
		else {
			this._out.write(Double.toString(value));
		}
	}

	/** A non-negative number's decimal digits. */
	private void writeDigits(long value) throws IOException {
		int at = this.digits.length;
		do {
			this.digits[--at] = (char) ('0' + (value % 10));
			value /= 10;
		}
		while (value > 0);
		this._out.write(this.digits, at, this.digits.length - at);
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
