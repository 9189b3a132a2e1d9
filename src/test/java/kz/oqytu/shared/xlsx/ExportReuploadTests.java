package kz.oqytu.shared.xlsx;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Our own exports (POI SXSSF) come back through the upload check and are read. */
class ExportReuploadTests {

	@Test
	void anExportWrittenByXlsxWriterPassesTheUploadCheck() {
		for (boolean compress : new boolean[] { false, true }) {
			byte[] file;
			try (XlsxWriter xlsx = new XlsxWriter(compress)) {
				Sheet sheet = xlsx.sheet("Тізім");
				xlsx.headers(sheet, 0, "Аты-жөні / ФИО", "Ұйым / Организация");
				for (int r = 1; r <= 300; r++) {
					Row row = xlsx.row(sheet, r);
					xlsx.text(row, 0, "Қатысушы " + r);
					xlsx.text(row, 1, "№" + r + " мектеп");
				}
				file = xlsx.toBytes();
			}
			SafeWorkbooks.check(file);
			List<SheetRow> rows = new ArrayList<>();
			SafeWorkbooks.read(file, SheetLimits.DEFAULT, rows::add);
			assertThat(rows).hasSize(301);
		}
	}

	@Test
	void aWorkbookWrittenByPlainSxssfPassesTheUploadCheck() throws Exception {
		byte[] file;
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Sheet1");
			sheet.createRow(0).createCell(0).setCellValue("ФИО");
			sheet.createRow(1).createCell(0).setCellValue("Иванова Анна");
			workbook.write(out);
			file = out.toByteArray();
		}
		SafeWorkbooks.check(file);
		List<SheetRow> rows = new ArrayList<>();
		SafeWorkbooks.read(file, SheetLimits.DEFAULT, rows::add);
		assertThat(rows).hasSize(2);
	}
}
