package kz.oqytu.shared.xlsx;

import java.io.ByteArrayInputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The page setup every sheet gets from {@link XlsxWriter}, read back with POI. */
class PrintLayoutTests {

	@Test
	void aNarrowListIsPortraitAWideOneLandscapeBothOnePageWide() throws Exception {
		byte[] content;
		try (XlsxWriter xlsx = new XlsxWriter(false, "Сформировано: 03.12.2026 18:05")) {
			var narrow = xlsx.sheet("Тізім");
			xlsx.title(xlsx.row(narrow, 0), 0, "Қатысушылар тізімі");
			xlsx.headers(narrow, 2, "Аты-жөні", "Ұйым");
			for (int r = 3; r < 300; r++) {
				xlsx.text(xlsx.row(narrow, r), 0, "Ахметова Айгүл " + r);
				xlsx.text(xlsx.row(narrow, r), 1, "№ 5 мектеп");
			}
			var wide = xlsx.sheet("Мониторинг");
			String[] headers = new String[14];
			for (int c = 0; c < headers.length; c++) {
				headers[c] = "Показатель номер " + c;
			}
			xlsx.headers(wide, 0, headers);
			xlsx.integer(xlsx.row(wide, 1), 13, 5);
			xlsx.pageHeader("R&D ПРОЕКТ");
			content = xlsx.toBytes();
		}
		SafeWorkbooks.check(content);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			XSSFSheet narrow = workbook.getSheetAt(0);
			assertThat(narrow.getPrintSetup().getLandscape()).isFalse();
			assertThat(narrow.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
			assertThat(narrow.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
			assertThat(narrow.getFitToPage()).isTrue();
			assertThat(narrow.getRepeatingRows().formatAsString()).isEqualTo("3:3");
			assertThat(narrow.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 3);
			assertThat(workbook.getPrintArea(0)).isEqualTo("Тізім!$A$1:$B$300");
			assertThat(narrow.getFooter().getLeft()).isEqualTo("Сформировано: 03.12.2026 18:05");
			assertThat(narrow.getHeader().getCenter()).isEqualTo("&BR&&D ПРОЕКТ");

			XSSFSheet wide = workbook.getSheetAt(1);
			assertThat(wide.getPrintSetup().getLandscape()).isTrue();
			assertThat(wide.getRepeatingRows().formatAsString()).isEqualTo("1:1");
			assertThat(workbook.getPrintArea(1)).isEqualTo("Мониторинг!$A$1:$N$2");
		}
	}

	@Test
	void aLaterHeaderRowNeverNarrowsAColumnAndAParagraphWrapsAcrossTheTable() throws Exception {
		byte[] content;
		try (XlsxWriter xlsx = new XlsxWriter(false, "x")) {
			var sheet = xlsx.sheet("Кесте");
			xlsx.headers(sheet, 0, "№", "Көрсеткіш");
			sheet.setColumnWidth(1, 60 * 256);
			xlsx.headers(sheet, 5, "", "Үлесі");
			xlsx.paragraph(sheet, 3, 0, 1, "=Ескерту: үлес бір ондық белгіге дейін қиылады, дөңгелектенбейді. ".repeat(3),
					XlsxWriter.Emphasis.PLAIN);
			content = xlsx.toBytes();
		}
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			XSSFSheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getColumnWidth(1)).isEqualTo(60 * 256);
			assertThat(sheet.getMergedRegions()).extracting(r -> r.formatAsString()).containsExactly("A4:B4");
			var note = sheet.getRow(3).getCell(0);
			assertThat(note.getCellStyle().getWrapText()).isTrue();
			assertThat(note.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(sheet.getRow(3).getHeightInPoints()).isGreaterThanOrEqualTo(45f);
			// the first header row is the one that repeats
			assertThat(sheet.getRepeatingRows().formatAsString()).isEqualTo("1:1");
		}
	}
}
