package kz.oqytu.shared;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;

import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.XlsxWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Workbooks we write (templates above all) come back through our own upload check. */
class XlsxWriterTests {

	@Test
	void aWorkbookWeWritePassesTheUploadCheckUnchanged() throws Exception {
		byte[] bytes;
		try (XlsxWriter xlsx = new XlsxWriter()) {
			Sheet sheet = xlsx.sheet("Тізім");
			xlsx.headers(sheet, 0, "Аты-жөні / ФИО", "Ұйым / Организация");
			xlsx.text(xlsx.row(sheet, 1), 0, "=1+1");
			bytes = xlsx.toBytes();
		}
		assertThatCode(() -> SafeWorkbooks.check(bytes)).doesNotThrowAnyException();
		try (Workbook workbook = SafeWorkbooks.open(bytes)) {
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("=1+1");
			assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}
}
