package kz.oqytu.shared.xlsx;

import java.util.IdentityHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The page setup of every sheet Oqytu writes, in one place, so that each export prints as a table:
 *
 * <ul>
 * <li>A4, portrait while the columns fit a portrait page at a readable size, else landscape;</li>
 * <li>fit to one page wide and as many pages tall as the rows need (fitToWidth 1, fitToHeight 0);</li>
 * <li>the sheet's first header row repeated on every page, and frozen on screen;</li>
 * <li>a print area over the columns and rows written, so text spilling past the last column never
 * makes a page of its own (the coverage table printed on 3 pages, its workbook on 14, for that);</li>
 * <li>a footer: the time the file was made on the left, "page / pages" on the right; an optional
 * page header (a draft mark or an approval stamp) in the middle of every page's top.</li>
 * </ul>
 */
final class PrintLayout {

	/**
	 * Column width, in characters, that a portrait A4 page prints at about 100% (8.27 in less Excel's
	 * default 0.7 in margins, at about 5.3 pt a character): wider sheets go landscape.
	 */
	static final int PORTRAIT_CHARACTERS = 95;

	/** Excel refuses a header or footer section longer than 255 characters with its codes. */
	private static final int MAX_SECTION = 200;

	private final String footer;

	private String pageHeader;

	private final Map<Sheet, Layout> sheets = new IdentityHashMap<>();

	private static final class Layout {

		int headerRow = -1;

		int lastColumn;

		int frozenColumns;
	}

	PrintLayout(String footer) {
		this.footer = footer;
	}

	void header(Sheet sheet, int rowIndex, int lastColumn) {
		Layout layout = layout(sheet);
		if (layout.headerRow < 0) {
			layout.headerRow = rowIndex;
		}
		layout.lastColumn = Math.max(layout.lastColumn, lastColumn);
	}

	void cell(Sheet sheet, int column) {
		Layout layout = layout(sheet);
		layout.lastColumn = Math.max(layout.lastColumn, column);
	}

	void freezeColumns(Sheet sheet, int columns) {
		layout(sheet).frozenColumns = columns;
	}

	void pageHeader(String value) {
		this.pageHeader = value;
	}

	private Sheet lastSheet;

	private Layout lastLayout;

	/** Called for every cell written: the sheet of the previous cell is kept at hand. */
	private Layout layout(Sheet sheet) {
		if (sheet != lastSheet) {
			lastLayout = sheets.computeIfAbsent(sheet, s -> new Layout());
			lastSheet = sheet;
		}
		return lastLayout;
	}

	/** Sets up every sheet of the workbook for printing; called just before it is written. */
	void apply(SXSSFWorkbook workbook) {
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			Sheet sheet = workbook.getSheetAt(i);
			Layout layout = sheets.getOrDefault(sheet, new Layout());
			int lastRow = Math.max(0, sheet.getLastRowNum());
			int lastColumn = layout.lastColumn;

			PrintSetup setup = sheet.getPrintSetup();
			setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
			setup.setLandscape(characters(sheet, lastColumn) > PORTRAIT_CHARACTERS);
			sheet.setFitToPage(true);
			setup.setFitWidth((short) 1);
			setup.setFitHeight((short) 0);
			sheet.setHorizontallyCenter(true);

			workbook.setPrintArea(i, 0, lastColumn, 0, lastRow);
			if (layout.headerRow >= 0) {
				sheet.setRepeatingRows(new CellRangeAddress(layout.headerRow, layout.headerRow, -1, -1));
			}
			if (layout.headerRow >= 0 || layout.frozenColumns > 0) {
				sheet.createFreezePane(layout.frozenColumns, layout.headerRow + 1);
			}
			sheet.getFooter().setLeft(escape(footer));
			sheet.getFooter().setRight("&P / &N");
			if (pageHeader != null && !pageHeader.isBlank()) {
				sheet.getHeader().setCenter("&B" + escape(pageHeader));
			}
		}
	}

	private static int characters(Sheet sheet, int lastColumn) {
		int total = 0;
		for (int c = 0; c <= lastColumn; c++) {
			total += sheet.getColumnWidth(c) / 256;
		}
		return total;
	}

	/** A literal "&" in a header or footer is written "&&"; long text is cut to what Excel accepts. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		String cut = text.length() > MAX_SECTION ? text.substring(0, MAX_SECTION - 1) + "…" : text;
		return cut.replace("&", "&&");
	}
}
