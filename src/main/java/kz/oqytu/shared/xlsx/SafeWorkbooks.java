package kz.oqytu.shared.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Opens uploaded .xlsx files defensively: the type is checked by content (a ZIP holding a workbook
 * part, no macros), the archive is walked with limits before POI sees it, POI's own zip-bomb
 * guards are tightened, never disabled, and the first sheet is streamed row by row (POI's SAX
 * reader: {@link XSSFReader}, {@link XSSFSheetXMLHandler}, read-only shared strings), never built
 * as a whole workbook in memory, under {@link SheetLimits}.
 */
public final class SafeWorkbooks {

	/** Largest upload accepted, in bytes. */
	public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

	static final long MAX_ENTRY_BYTES = 50L * 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 120L * 1024 * 1024;

	/**
	 * The parts POI reads whole into memory (content types, relationships, workbook, styles, theme):
	 * a few KB in a real workbook, so 4 MB each is generous; sheets and shared strings are streamed.
	 */
	static final long MAX_PARSED_PART_BYTES = 4L * 1024 * 1024;

	static final int MAX_ENTRIES = 500;

	static final double MIN_INFLATE_RATIO = 0.01;

	/** Excel holds at most 32 767 characters in a cell; more in one is not a workbook Excel saved. */
	static final int MAX_CELL_CHARACTERS = 32_767;

	/** Text of all shared strings together, the size POI's own text limit ({@code setMaxTextSize}) allows. */
	static final long MAX_SHARED_TEXT = 20_000_000L;

	static {
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
		ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
		ZipSecureFile.setMaxTextSize(MAX_SHARED_TEXT);
		ZipSecureFile.setMaxFileCount(MAX_ENTRIES);
	}

	private SafeWorkbooks() {
	}

	/** Receives the rows of the first sheet one at a time; answering false stops the reading there. */
	@FunctionalInterface
	public interface RowSink {

		boolean accept(SheetRow row);
	}

	/**
	 * Streams the first sheet's rows (every row the sheet stores, in order, blank ones too) to the
	 * sink, or throws {@link SpreadsheetRejectedException} with a reason for the user: the checks of
	 * {@link #check}, a limit crossed (reading stops there), or a file POI cannot read.
	 *
	 * @return false when the workbook has no sheet at all
	 */
	public static boolean read(byte[] content, SheetLimits limits, RowSink sink) {
		check(content);
		Path file = null;
		try {
			// A file, not the bytes: POI then inflates each part as it is read, never a whole part in memory.
			file = Files.createTempFile("oqytu-import-", ".xlsx");
			Files.write(file, content);
			try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
				return readFirstSheet(pkg, limits, sink);
			}
		}
		catch (SpreadsheetRejectedException ex) {
			throw ex;
		}
		catch (SinkFailure ex) {
			throw ex.failure;
		}
		catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException ex) {
			Throwable cause = ex instanceof SAXException sax && sax.getException() != null ? sax.getException() : ex;
			if (cause instanceof SpreadsheetRejectedException rejected) {
				throw rejected;
			}
			if (cause instanceof SinkFailure failure) {
				throw failure.failure;
			}
			throw new SpreadsheetRejectedException("import.error.fileMalformed", ex);
		}
		finally {
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					file.toFile().deleteOnExit();
				}
			}
		}
	}

	private static boolean readFirstSheet(OPCPackage pkg, SheetLimits limits, RowSink sink)
			throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
		XSSFReader reader = new XSSFReader(pkg);
		Iterator<InputStream> sheets = reader.getSheetsData();
		if (!sheets.hasNext()) {
			return false;
		}
		boolean date1904;
		try (InputStream workbook = reader.getWorkbookData()) {
			date1904 = date1904(workbook);
		}
		StylesTable styles = reader.getStylesTable();
		BoundedSharedStrings strings = new BoundedSharedStrings(limits);
		List<PackagePart> stringParts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
		if (!stringParts.isEmpty()) {
			try (InputStream in = stringParts.get(0).getInputStream()) {
				strings.readFrom(in);
			}
		}
		CellFormatter formatter = new CellFormatter(date1904);
		Guard guard = new Guard(limits);
		Rows rows = new Rows(limits, sink, formatter, guard);
		guard.delegate = new XSSFSheetXMLHandler(styles, null, strings, rows, formatter, false);
		try (InputStream sheet = sheets.next()) {
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(guard);
			parser.parse(new InputSource(sheet));
		}
		catch (StopSink stop) {
			// the sink has what it wanted
		}
		catch (SAXException ex) {
			if (!(ex.getException() instanceof StopSink)) {
				throw ex;
			}
		}
		return true;
	}

	/** The checks that need no parsing: size, ZIP signature, entries, workbook part, no macros. */
	public static void check(byte[] content) {
		if (content == null || content.length == 0) {
			throw new SpreadsheetRejectedException("import.error.fileEmpty");
		}
		if (content.length > MAX_FILE_BYTES) {
			throw new SpreadsheetRejectedException("import.error.fileTooLarge", MAX_FILE_BYTES / (1024 * 1024));
		}
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K' || content[2] != 3 || content[3] != 4) {
			throw new SpreadsheetRejectedException("import.error.notXlsx");
		}
		boolean workbookPart = false;
		int entries = 0;
		long total = 0;
		byte[] buffer = new byte[16 * 1024];
		// The central directory, not a forward read: a forward reader (java.util.zip.ZipInputStream)
		// cannot read the ZIP64 data descriptors POI's SXSSF writes by default, so a workbook exported
		// by POI elsewhere (or by us before XlsxWriter set Zip64Mode.AsNeeded) was refused as "not Excel".
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
			java.util.Enumeration<ZipArchiveEntry> all = zip.getEntriesInPhysicalOrder();
			while (all.hasMoreElements()) {
				ZipArchiveEntry entry = all.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw new SpreadsheetRejectedException("import.error.fileTooComplex");
				}
				String name = entry.getName();
				if (name.equals("xl/workbook.xml")) {
					workbookPart = true;
				}
				if (name.endsWith("vbaProject.bin")) {
					throw new SpreadsheetRejectedException("import.error.macros");
				}
				if (entry.isDirectory()) {
					continue;
				}
				long entryLimit = parsedWhole(name) ? MAX_PARSED_PART_BYTES : MAX_ENTRY_BYTES;
				long size = 0;
				int read;
				// Inflated and counted, never trusting the sizes the directory declares.
				try (InputStream in = zip.getInputStream(entry)) {
					while ((read = in.read(buffer)) > 0) {
						size += read;
						total += read;
						if (size > entryLimit || total > MAX_TOTAL_BYTES) {
							throw new SpreadsheetRejectedException("import.error.fileTooComplex");
						}
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			throw new SpreadsheetRejectedException("import.error.notXlsx", ex);
		}
		if (!workbookPart) {
			throw new SpreadsheetRejectedException("import.error.notXlsx");
		}
	}

	/** Parts that POI parses whole into memory when it opens a package and its workbook. */
	private static boolean parsedWhole(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.equals("[content_types].xml") || lower.endsWith(".rels") || lower.equals("xl/workbook.xml")
				|| lower.equals("xl/styles.xml") || lower.startsWith("xl/theme/");
	}

	/** Whether the workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
	private static boolean date1904(InputStream workbook) throws IOException, SAXException, ParserConfigurationException {
		boolean[] found = { false };
		XMLReader parser = XMLHelper.newXMLReader();
		parser.setContentHandler(new DefaultHandler() {
			@Override
			public void startElement(String uri, String localName, String qName, Attributes attributes)
					throws SAXException {
				if ("workbookPr".equals(localName)) {
					String value = attributes.getValue("date1904");
					found[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
					throw new StopReading();
				}
				if ("sheets".equals(localName)) {
					throw new StopReading();
				}
			}
		});
		try {
			parser.parse(new InputSource(workbook));
		}
		catch (StopReading stop) {
			// seen what we need
		}
		return found[0];
	}

	/** Thrown inside the parser to stop it: the sink has what it wanted, or a short scan is done. */
	private static final class StopReading extends SAXException {

		private static final long serialVersionUID = 1L;

		StopReading() {
			super("stop", null);
		}

		@Override
		public synchronized Throwable fillInStackTrace() {
			return this;
		}
	}

	/** The sink's own failure (a database error, say), carried through the parser unchanged. */
	private static final class SinkFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final RuntimeException failure;

		SinkFailure(RuntimeException failure) {
			super(failure);
			this.failure = failure;
		}
	}

	/**
	 * Stands before POI's sheet handler and counts what the XML holds, so a limit is enforced on the
	 * element that crosses it, whatever POI would make of it: rows, cells (empty ones too) and the
	 * characters of one cell.
	 */
	private static final class Guard extends DefaultHandler {

		private final SheetLimits limits;

		XSSFSheetXMLHandler delegate;

		private long rows;

		private long cells;

		private long cellCharacters;

		private long runCharacters;

		/** The current cell's type attribute: "s", "str", "inlineStr", "b", "e", or null/"n" for a number. */
		String cellType;

		Guard(SheetLimits limits) {
			this.limits = limits;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes)
				throws SAXException {
			runCharacters = 0;
			if ("row".equals(localName) && ++rows > limits.rows()) {
				throw new SpreadsheetRejectedException("import.error.sheetTooManyRows", limits.rows());
			}
			if ("c".equals(localName)) {
				if (++cells > limits.cells()) {
					throw new SpreadsheetRejectedException("import.error.sheetTooManyCells", limits.cells());
				}
				cellCharacters = 0;
				cellType = attributes.getValue("t");
			}
			delegate.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			runCharacters = 0;
			delegate.endElement(uri, localName, qName);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			runCharacters += length;
			cellCharacters += length;
			if (runCharacters > MAX_CELL_CHARACTERS || cellCharacters > 2L * MAX_CELL_CHARACTERS) {
				throw new SpreadsheetRejectedException("import.error.fileTooComplex");
			}
			delegate.characters(ch, start, length);
		}
	}

	/** Gathers each row's cells from POI's handler and hands the finished row to the sink. */
	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final SheetLimits limits;

		private final RowSink sink;

		private final CellFormatter formatter;

		private final Guard guard;

		private String[] texts = new String[16];

		private LocalDate[] dates;

		private int width;

		private int nextColumn;

		Rows(SheetLimits limits, RowSink sink, CellFormatter formatter, Guard guard) {
			this.limits = limits;
			this.sink = sink;
			this.formatter = formatter;
			this.guard = guard;
		}

		@Override
		public void startRow(int rowNum) {
			width = 0;
			nextColumn = 0;
			dates = null;
			java.util.Arrays.fill(texts, null);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? nextColumn : column(reference);
			nextColumn = column + 1;
			LocalDate date = formatter.takeDate();
			String text = text(value, date);
			if (text.isEmpty()) {
				return;
			}
			if (column >= limits.columns()) {
				throw new SpreadsheetRejectedException("import.error.sheetTooManyColumns", limits.columns());
			}
			if (column >= texts.length) {
				texts = java.util.Arrays.copyOf(texts, Math.max(column + 1, texts.length * 2));
			}
			texts[column] = text;
			if (date != null) {
				if (dates == null) {
					dates = new LocalDate[limits.columns()];
				}
				dates[column] = date;
			}
			width = Math.max(width, column + 1);
		}

		private String text(String value, LocalDate date) {
			if (value == null || "e".equals(guard.cellType)) {
				// an error value (#N/A, #DIV/0!) reads as an empty cell, as before
				return "";
			}
			String type = guard.cellType;
			if (date == null && (type == null || "n".equals(type))) {
				// a number in a workbook without styles comes as POI's raw text ("1.2E3")
				try {
					return new BigDecimal(value.strip()).stripTrailingZeros().toPlainString();
				}
				catch (NumberFormatException ex) {
					return value.strip();
				}
			}
			return value.strip();
		}

		@Override
		public void endRow(int rowNum) {
			SheetRow row = new SheetRow(rowNum, java.util.Arrays.copyOf(texts, width),
					dates == null ? null : java.util.Arrays.copyOf(dates, width));
			boolean more;
			try {
				more = sink.accept(row);
			}
			catch (SpreadsheetRejectedException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new SinkFailure(ex);
			}
			if (!more) {
				throw new StopSink();
			}
		}

		/** Column index of a reference such as "AB12" (0 for A). */
		static int column(String reference) {
			int column = 0;
			for (int i = 0; i < reference.length(); i++) {
				char c = reference.charAt(i);
				if (c < 'A' || c > 'Z') {
					break;
				}
				column = column * 26 + (c - 'A' + 1);
				if (column > 16_384) {
					break;
				}
			}
			return column - 1;
		}
	}

	/** A runtime stop from the sink's callback (POI's callbacks cannot throw checked exceptions). */
	private static final class StopSink extends RuntimeException {

		private static final long serialVersionUID = 1L;

		StopSink() {
			super("stop", null, false, false);
		}
	}

	/**
	 * Numbers as {@link Cells#text} always read them (plain digits, never Excel's "General" 1.23E+11),
	 * dates formatted as their cell shows them and kept as dates for {@link SheetRow#date}.
	 */
	private static final class CellFormatter extends DataFormatter {

		private final boolean date1904;

		private LocalDate date;

		/** Whether each format of the workbook (by its index) is a date; POI's own check is costly per cell. */
		private final java.util.Map<Integer, Boolean> dateFormats = new java.util.HashMap<>();

		CellFormatter(boolean date1904) {
			super(Locale.ROOT);
			this.date1904 = date1904;
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			boolean dateFormat = dateFormats.computeIfAbsent(formatIndex,
					index -> DateUtil.isADateFormat(index, formatString));
			if (dateFormat && DateUtil.isValidExcelDate(value)) {
				date = DateUtil.getLocalDateTime(value, date1904).toLocalDate();
				return super.formatRawCellContents(value, formatIndex, formatString, date1904);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		LocalDate takeDate() {
			LocalDate taken = date;
			date = null;
			return taken;
		}
	}

	/**
	 * POI's read-only shared strings, counted as they are read: no more strings than the sheet may
	 * have cells, no more text than {@link #MAX_SHARED_TEXT}, so a table of millions of strings is
	 * refused before it fills the heap.
	 */
	private static final class BoundedSharedStrings extends ReadOnlySharedStringsTable {

		private final long maxStrings;

		private long seen;

		private long characters;

		BoundedSharedStrings(SheetLimits limits) throws IOException, SAXException {
			// nothing to parse yet: the limits must be set before readFrom runs
			super(InputStream.nullInputStream(), false);
			this.maxStrings = limits.cells();
		}

		@Override
		public void startElement(String uri, String localName, String name, Attributes attributes)
				throws SAXException {
			if ("si".equals(localName) && ++seen > maxStrings) {
				throw new SpreadsheetRejectedException("import.error.sheetTooManyCells", maxStrings);
			}
			super.startElement(uri, localName, name, attributes);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			characters += length;
			if (characters > MAX_SHARED_TEXT) {
				throw new SpreadsheetRejectedException("import.error.fileTooComplex");
			}
			super.characters(ch, start, length);
		}
	}
}
