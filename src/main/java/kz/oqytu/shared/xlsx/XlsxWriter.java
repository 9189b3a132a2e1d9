package kz.oqytu.shared.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import kz.oqytu.shared.NumberFormats;
import kz.oqytu.shared.time.UnionClock;
import kz.oqytu.shared.work.GiveWay;

/**
 * Writes workbooks people open in Excel and LibreOffice: bold headers, number formats, and text
 * that can never become a formula (a leading = + - @ tab or CR is quote-prefixed).
 *
 * <p>Every sheet prints (issue #16): when the workbook is written each sheet gets its page setup in
 * one place, {@link PrintLayout}: A4, portrait or landscape by the width of its columns, fit to one
 * page wide, the first header row repeated on each page and frozen, a print area over the cells
 * written, and a footer with the time the file was made (from the {@link Clock}) and the page number.
 * Exports take their writer from {@link XlsxWriters}, which words the footer in the reader's language.
 */
public class XlsxWriter implements AutoCloseable {

	private final SXSSFWorkbook workbook;

	private final PrintLayout print;

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle guardedText;

	private final CellStyle integer;

	private final CellStyle decimal;

	private final CellStyle percent;

	private final CellStyle date;

	/**
	 * A writer whose footer carries the bare time it was made, on the application's clock; exports in
	 * a reader's language take theirs from {@link XlsxWriters}.
	 */
	public XlsxWriter() {
		this(false);
	}

	/**
	 * @param compressTempFiles gzip the rows SXSSF flushes to its temporary files: for large exports,
	 *        whose temp files would otherwise be several times the workbook's size
	 */
	public XlsxWriter(boolean compressTempFiles) {
		this(compressTempFiles, NumberFormats.dateTime(LocalDateTime.now(UnionClock.current())));
	}

	/**
	 * @param footer the print footer's text (the time the file was made, in the reader's words)
	 */
	public XlsxWriter(boolean compressTempFiles, String footer) {
		workbook = compressTempFiles ? new FastCompressingWorkbook() : new PlainWorkbook();
		print = new PrintLayout(footer);
		// POI's default (Always) writes ZIP64 data descriptors without the ZIP64 header field, which
		// java.util.zip, and so our own upload check, cannot read: a template sent back unchanged
		// would be refused. Our workbooks stay far below the 4 GB where ZIP64 is needed.
		workbook.setZip64Mode(Zip64Mode.AsNeeded);
		Font bold = workbook.createFont();
		bold.setBold(true);
		header = workbook.createCellStyle();
		header.setFont(bold);
		header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		header.setBorderBottom(BorderStyle.THIN);
		header.setWrapText(true);
		text = workbook.createCellStyle();
		guardedText = workbook.createCellStyle();
		guardedText.setQuotePrefixed(true);
		integer = workbook.createCellStyle();
		integer.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
		decimal = workbook.createCellStyle();
		decimal.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		percent = workbook.createCellStyle();
		percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		date = workbook.createCellStyle();
		date.setDataFormat(workbook.createDataFormat().getFormat("dd.mm.yyyy"));
	}

	/**
	 * SXSSF with plain temporary files, written through {@link SpillingSheetDataWriter}'s lock-free
	 * character buffer with no limit (it never gzips): the workbook as before, its sheet XML written
	 * without a lock per character (issue #17: monitoring.xlsx of the country).
	 */
	static final class PlainWorkbook extends SXSSFWorkbook {

		PlainWorkbook() {
			super(null, 200, false);
		}

		@Override
		protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
			return SpillingSheetDataWriter.create(getSharedStringSource(), Long.MAX_VALUE);
		}
	}

	/**
	 * SXSSF whose temporary files are gzipped past their first 128 MB ({@link SpillingSheetDataWriter}),
	 * both they and the workbook's zip deflated at the fastest level: a large export spends its time
	 * compressing, and the fastest level is 2-3× quicker for a file a little larger (measured in
	 * docs/performance.md).
	 */
	static final class FastCompressingWorkbook extends SXSSFWorkbook {

		FastCompressingWorkbook() {
			super(null, 200, true);
		}

		/** Plain temp-file bytes of a sheet before the rest is gzipped (issue #17: S5, {@link SpillingSheetDataWriter}). */
		static final long PLAIN_TEMP_BYTES = 128L << 20;

		@Override
		protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
			return SpillingSheetDataWriter.create(getSharedStringSource(), PLAIN_TEMP_BYTES);
		}

		@Override
		protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
				java.io.OutputStream out) {
			org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
			zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
			return zip;
		}
	}

	private final java.util.Map<String, CellStyle> formats = new java.util.HashMap<>();

	/** A number with an Excel format code ("#,##0", "0.0%", "+#,##0;-#,##0;0"), styles shared per code. */
	public void number(Row row, int column, Number value, String format) {
		Cell cell = cell(row, column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(formats.computeIfAbsent(format, f -> {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(f));
			return style;
		}));
	}

	/** A bold text cell, for titles and total lines; formula-like text is quote-prefixed as in {@link #text}. */
	public void title(Row row, int column, String value) {
		Cell cell = cell(row, column);
		String v = value == null ? "" : value;
		cell.setCellValue(v);
		boolean guarded = looksLikeFormula(v);
		cell.setCellStyle(formats.computeIfAbsent(guarded ? "@title-guarded" : "@title", f -> {
			CellStyle style = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			style.setFont(font);
			style.setQuotePrefixed(guarded);
			return style;
		}));
	}

	public Sheet sheet(String name) {
		return workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
	}

	public void headers(Sheet sheet, int rowIndex, String... titles) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < titles.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(titles[i]);
			// Headers can carry names people typed (a questionnaire's question texts): guarded like text.
			cell.setCellStyle(looksLikeFormula(titles[i]) ? guardedHeader() : header);
			// a later header row of the same sheet (or a width set before) never narrows a column
			int width = Math.min(60, Math.max(12, titles[i].length() + 4)) * 256;
			if (sheet.getColumnWidth(i) < width) {
				sheet.setColumnWidth(i, width);
			}
		}
		print.header(sheet, rowIndex, titles.length - 1);
	}

	/**
	 * Text that runs across columns {@code firstColumn..lastColumn} of its row, wrapped, with the row
	 * as tall as the text needs: titles and notes that would otherwise spill past the table's last
	 * column and so onto pages of their own when printed.
	 */
	public void paragraph(Sheet sheet, int rowIndex, int firstColumn, int lastColumn, String value, Emphasis emphasis) {
		Row row = row(sheet, rowIndex);
		Cell cell = row.createCell(firstColumn);
		String v = value == null ? "" : value;
		cell.setCellValue(v);
		boolean guarded = looksLikeFormula(v);
		cell.setCellStyle(formats.computeIfAbsent("@paragraph-" + emphasis + (guarded ? "-guarded" : ""), f -> {
			CellStyle style = workbook.createCellStyle();
			style.setWrapText(true);
			style.setVerticalAlignment(VerticalAlignment.TOP);
			style.setQuotePrefixed(guarded);
			if (emphasis != Emphasis.PLAIN) {
				Font font = workbook.createFont();
				font.setBold(true);
				if (emphasis == Emphasis.ALERT) {
					font.setColor(IndexedColors.RED.getIndex());
					font.setFontHeightInPoints((short) 13);
					style.setBorderTop(BorderStyle.MEDIUM);
					style.setBorderBottom(BorderStyle.MEDIUM);
					style.setTopBorderColor(IndexedColors.RED.getIndex());
					style.setBottomBorderColor(IndexedColors.RED.getIndex());
				}
				style.setFont(font);
			}
			return style;
		}));
		if (lastColumn > firstColumn) {
			sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, firstColumn, lastColumn));
		}
		long chars = 0;
		for (int c = firstColumn; c <= lastColumn; c++) {
			chars += sheet.getColumnWidth(c) / 256;
		}
		// about one character of the column width per letter; a bold or larger font takes a little more
		double perLine = Math.max(1, chars * (emphasis == Emphasis.PLAIN ? 1.0 : 0.8));
		int lines = (int) Math.max(1, Math.ceil(v.length() / perLine));
		row.setHeightInPoints(lines * (emphasis == Emphasis.ALERT ? 18f : 15f));
		print.cell(sheet, lastColumn);
	}

	/** How a {@link #paragraph} stands out: plain, bold, or as an alert (bold red between red rules). */
	public enum Emphasis {
		PLAIN, BOLD, ALERT
	}

	/**
	 * A line printed at the top of every page of every sheet (a draft mark, an approval stamp); the
	 * sheet itself should say it too, as the print header is not seen on screen.
	 */
	public void pageHeader(String value) {
		print.pageHeader(value);
	}

	/** Keeps the first {@code columns} columns in view as well as the header rows (wide sheets). */
	public void freezeColumns(Sheet sheet, int columns) {
		print.freezeColumns(sheet, columns);
	}

	private Cell cell(Row row, int column) {
		print.cell(row.getSheet(), column);
		return row.createCell(column);
	}

	/**
	 * The row at {@code rowIndex}, created if new. Every {@value #ROWS_BETWEEN_LOOKS} new rows a long
	 * export gives way to the light requests being served ({@link GiveWay}, decision 0048).
	 */
	public Row row(Sheet sheet, int rowIndex) {
		Row row = sheet.getRow(rowIndex);
		if (row != null) {
			return row;
		}
		if (++rowsCreated % ROWS_BETWEEN_LOOKS == 0) {
			GiveWay.now();
		}
		return sheet.createRow(rowIndex);
	}

	/** New rows between two looks at the light requests: a few milliseconds of an export's work. */
	static final int ROWS_BETWEEN_LOOKS = 256;

	private long rowsCreated;

	/** A text cell; text that a spreadsheet could read as a formula is stored quote-prefixed. */
	public void text(Row row, int column, String value) {
		Cell cell = cell(row, column);
		String v = value == null ? "" : value;
		cell.setCellValue(v);
		cell.setCellStyle(looksLikeFormula(v) ? guardedText : text);
	}

	public void integer(Row row, int column, Number value) {
		Cell cell = cell(row, column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(integer);
	}

	public void decimal(Row row, int column, java.math.BigDecimal value) {
		Cell cell = cell(row, column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(decimal);
	}

	/** A fraction (0.181 for 18,1%) shown with the percent format. */
	public void percent(Row row, int column, java.math.BigDecimal fraction) {
		Cell cell = cell(row, column);
		if (fraction != null) {
			cell.setCellValue(fraction.doubleValue());
		}
		cell.setCellStyle(percent);
	}

	public void date(Row row, int column, java.time.LocalDate value) {
		Cell cell = cell(row, column);
		if (value != null) {
			cell.setCellValue(value);
		}
		cell.setCellStyle(date);
	}

	private CellStyle guardedHeader() {
		return formats.computeIfAbsent("@header-guarded", f -> {
			CellStyle style = workbook.createCellStyle();
			style.cloneStyleFrom(header);
			style.setQuotePrefixed(true);
			return style;
		});
	}

	public CellStyle headerStyle() {
		return header;
	}

	public SXSSFWorkbook workbook() {
		return workbook;
	}

	public static boolean looksLikeFormula(String value) {
		if (value == null || value.isEmpty()) {
			return false;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	public byte[] toBytes() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			print.apply(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes the workbook to a stream (a download), without holding it in memory; the deflating gives
	 * way to light requests as the rows did ({@link GiveWay#pacing}).
	 */
	public void write(java.io.OutputStream out) {
		try {
			print.apply(workbook);
			workbook.write(GiveWay.pacing(out));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Closes the workbook and deletes SXSSF's temporary files. */
	@Override
	public void close() {
		try {
			workbook.dispose();
			workbook.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
