package kz.oqytu.shared.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes workbooks people open in Excel and LibreOffice: bold headers, number formats, and text
 * that can never become a formula (a leading = + - @ tab or CR is quote-prefixed).
 */
public class XlsxWriter implements AutoCloseable {

	private final SXSSFWorkbook workbook;

	private final CellStyle header;

	private final CellStyle text;

	private final CellStyle guardedText;

	private final CellStyle integer;

	private final CellStyle decimal;

	private final CellStyle percent;

	private final CellStyle date;

	public XlsxWriter() {
		this(false);
	}

	/**
	 * @param compressTempFiles gzip the rows SXSSF flushes to its temporary files: for large exports,
	 *        whose temp files would otherwise be several times the workbook's size
	 */
	public XlsxWriter(boolean compressTempFiles) {
		workbook = compressTempFiles ? new FastCompressingWorkbook() : new SXSSFWorkbook(null, 200, false);
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
	 * SXSSF with gzipped temporary files, both they and the workbook's zip deflated at the fastest
	 * level: a large export spends its time compressing, and the fastest level is 2-3× quicker for a
	 * file a little larger (measured in docs/performance.md).
	 */
	static final class FastCompressingWorkbook extends SXSSFWorkbook {

		FastCompressingWorkbook() {
			super(null, 200, true);
		}

		@Override
		protected org.apache.poi.xssf.streaming.SheetDataWriter createSheetDataWriter() throws IOException {
			return new org.apache.poi.xssf.streaming.GZIPSheetDataWriter(getSharedStringSource()) {
				@Override
				protected java.io.OutputStream decorateOutputStream(java.io.FileOutputStream fos) throws IOException {
					return new java.util.zip.GZIPOutputStream(new java.io.BufferedOutputStream(fos, 1 << 16), 1 << 16) {
						{
							def.setLevel(java.util.zip.Deflater.BEST_SPEED);
						}
					};
				}
			};
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
		Cell cell = row.createCell(column);
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
		Cell cell = row.createCell(column);
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
			sheet.setColumnWidth(i, Math.min(60, Math.max(12, titles[i].length() + 4)) * 256);
		}
	}

	public Row row(Sheet sheet, int rowIndex) {
		Row row = sheet.getRow(rowIndex);
		return row == null ? sheet.createRow(rowIndex) : row;
	}

	/** A text cell; text that a spreadsheet could read as a formula is stored quote-prefixed. */
	public void text(Row row, int column, String value) {
		Cell cell = row.createCell(column);
		String v = value == null ? "" : value;
		cell.setCellValue(v);
		cell.setCellStyle(looksLikeFormula(v) ? guardedText : text);
	}

	public void integer(Row row, int column, Number value) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(integer);
	}

	public void decimal(Row row, int column, java.math.BigDecimal value) {
		Cell cell = row.createCell(column);
		if (value != null) {
			cell.setCellValue(value.doubleValue());
		}
		cell.setCellStyle(decimal);
	}

	/** A fraction (0.181 for 18,1%) shown with the percent format. */
	public void percent(Row row, int column, java.math.BigDecimal fraction) {
		Cell cell = row.createCell(column);
		if (fraction != null) {
			cell.setCellValue(fraction.doubleValue());
		}
		cell.setCellStyle(percent);
	}

	public void date(Row row, int column, java.time.LocalDate value) {
		Cell cell = row.createCell(column);
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
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the workbook to a stream (a download), without holding it in memory. */
	public void write(java.io.OutputStream out) {
		try {
			workbook.write(out);
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
