package kz.oqytu.shared;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.SheetRow;
import kz.oqytu.shared.xlsx.XlsxWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Workbooks Oqytu writes (templates, exports) can be uploaded back as they are. */
class XlsxWriterTests {

	@Test
	void aWrittenWorkbookPassesTheUploadChecksUntouched() throws Exception {
		byte[] content;
		try (XlsxWriter xlsx = new XlsxWriter()) {
			Sheet sheet = xlsx.sheet("Template");
			xlsx.headers(sheet, 0, "ID", "Name");
			Row row = xlsx.row(sheet, 1);
			xlsx.integer(row, 0, 2);
			xlsx.text(row, 1, "=cmd");
			content = xlsx.toBytes();
		}
		SafeWorkbooks.check(content);
		List<SheetRow> rows = new ArrayList<>();
		SafeWorkbooks.read(content, SheetLimits.DEFAULT, rows::add);
		assertThat(rows.get(1).text(0)).isEqualTo("2");
		assertThat(rows.get(1).text(1)).isEqualTo("=cmd");
		// the style is checked on POI's whole workbook: a test reading our own small export
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}
}
