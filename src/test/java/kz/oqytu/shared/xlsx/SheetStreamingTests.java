package kz.oqytu.shared.xlsx;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #15, item 1: the first sheet is streamed row by row under {@link SheetLimits}; a limit
 * crossed refuses the file with the limit named and nothing after it is read, and the cells read as
 * they did when the whole workbook was built in memory.
 */
class SheetStreamingTests {

	@Test
	void cellsReadAsPeopleFillThemIn() throws Exception {
		byte[] file = workbook(sheet -> {
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue("  Серікова Айгүл  ");
			row.createCell(1).setCellValue(123456789012d);
			row.createCell(2).setCellValue(2.50);
			CellStyle dateStyle = sheet.getWorkbook().createCellStyle();
			dateStyle.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
			row.createCell(3).setCellValue(LocalDate.of(2026, 1, 1));
			row.getCell(3).setCellStyle(dateStyle);
			row.createCell(4).setCellFormula("2*21");
			sheet.getWorkbook().getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(4));
			row.createCell(5).setCellValue(true);
			row.createCell(7).setCellValue("01.02.2026");
		});
		List<SheetRow> rows = read(file, SheetLimits.DEFAULT);
		SheetRow row = rows.get(0);
		assertThat(row.text(0)).isEqualTo("Серікова Айгүл");
		assertThat(row.text(1)).as("a 12-digit number stays plain digits").isEqualTo("123456789012");
		assertThat(row.text(2)).isEqualTo("2.5");
		assertThat(Cells.date(row, 3)).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(row.text(3)).isEqualTo("01.01.2026");
		assertThat(row.text(4)).as("a formula gives its cached value").isEqualTo("42");
		assertThat(row.text(5)).isEqualTo("TRUE");
		assertThat(row.text(6)).isEmpty();
		assertThat(Cells.date(row, 7)).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(row.width()).isEqualTo(8);
	}

	@Test
	void theRowBeyondTheLimitRefusesTheFileAndNothingAfterItIsRead() throws Exception {
		byte[] file = workbook(sheet -> {
			for (int r = 0; r < 50; r++) {
				sheet.createRow(r).createCell(0).setCellValue("row " + r);
			}
		});
		List<SheetRow> seen = new ArrayList<>();
		SpreadsheetRejectedException refused = catchThrowableOfType(SpreadsheetRejectedException.class,
				() -> SafeWorkbooks.read(file, new SheetLimits(10, 100, 1_000), seen::add));
		assertThat(refused.messageKey()).isEqualTo("import.error.sheetTooManyRows");
		assertThat(refused.arguments()).containsExactly(10);
		assertThat(seen).hasSize(10);
		assertThat(read(file, new SheetLimits(50, 100, 1_000))).hasSize(50);
	}

	@Test
	void aValueBeyondTheColumnLimitRefusesTheFileButAnEmptyFormattedCellDoesNot() throws Exception {
		byte[] wide = workbook(sheet -> {
			Row row = sheet.createRow(0);
			for (int c = 0; c <= 5; c++) {
				row.createCell(c).setCellValue("c" + c);
			}
		});
		SpreadsheetRejectedException refused = catchThrowableOfType(SpreadsheetRejectedException.class,
				() -> read(wide, new SheetLimits(100, 5, 1_000)));
		assertThat(refused.messageKey()).isEqualTo("import.error.sheetTooManyColumns");
		assertThat(refused.arguments()).containsExactly(5);

		byte[] formatted = workbook(sheet -> {
			Row row = sheet.createRow(0);
			row.createCell(0).setCellValue("name");
			CellStyle bold = sheet.getWorkbook().createCellStyle();
			row.createCell(60).setCellStyle(bold);
		});
		assertThat(read(formatted, new SheetLimits(100, 5, 1_000))).singleElement()
			.satisfies(row -> assertThat(row.width()).isEqualTo(1));
	}

	@Test
	void theCellBeyondTheLimitRefusesTheFileEvenWhenTheCellsAreEmpty() throws Exception {
		byte[] file = workbook(sheet -> {
			CellStyle style = sheet.getWorkbook().createCellStyle();
			for (int r = 0; r < 5; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < 10; c++) {
					row.createCell(c).setCellStyle(style);
				}
			}
		});
		List<SheetRow> seen = new ArrayList<>();
		SpreadsheetRejectedException refused = catchThrowableOfType(SpreadsheetRejectedException.class,
				() -> SafeWorkbooks.read(file, new SheetLimits(100, 100, 25), seen::add));
		assertThat(refused.messageKey()).isEqualTo("import.error.sheetTooManyCells");
		assertThat(refused.arguments()).containsExactly(25L);
		assertThat(seen).as("two whole rows of ten cells, the third crossed the limit").hasSize(2);
	}

	@Test
	void theReaderStopsWhenItsSinkHasEnough() throws Exception {
		byte[] file = workbook(sheet -> {
			for (int r = 0; r < 100; r++) {
				sheet.createRow(r).createCell(0).setCellValue(r);
			}
		});
		List<SheetRow> seen = new ArrayList<>();
		assertThat(SafeWorkbooks.read(file, SheetLimits.DEFAULT, row -> seen.add(row) && seen.size() < 3)).isTrue();
		assertThat(seen).extracting(row -> row.text(0)).containsExactly("0", "1", "2");
	}

	@Test
	void aSinksOwnFailureComesOutUnchanged() throws Exception {
		byte[] file = workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("x"));
		IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
				() -> SafeWorkbooks.read(file, SheetLimits.DEFAULT, row -> {
					throw new IllegalStateException("database down");
				}));
		assertThat(thrown).hasMessage("database down");
	}

	@Test
	void theDefaultLimitsAreThoseDocumented() {
		assertThat(SheetLimits.DEFAULT).isEqualTo(new SheetLimits(100_000, 100, 1_000_000));
	}

	private static List<SheetRow> read(byte[] file, SheetLimits limits) {
		List<SheetRow> rows = new ArrayList<>();
		SafeWorkbooks.read(file, limits, rows::add);
		return rows;
	}

	private interface SheetFiller {

		void fill(Sheet sheet) throws Exception;
	}

	private static byte[] workbook(SheetFiller filler) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			filler.fill(workbook.createSheet("Sheet1"));
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
