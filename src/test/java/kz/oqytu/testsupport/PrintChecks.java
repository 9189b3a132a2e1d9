package kz.oqytu.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads an exported workbook back with POI and checks that every sheet of it prints as a table. */
public final class PrintChecks {

	private static final Pattern TIME = Pattern.compile("(\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2})");

	private PrintChecks() {
	}

	/**
	 * Every sheet: A4, fit to one page wide and any number tall, a print area from A1, a footer with
	 * the time the file was made (within the minutes of the call, on the application's clock) and,
	 * where the sheet has a header row, that row repeated and frozen.
	 *
	 * @param from the application clock's time just before the request
	 */
	public static XSSFWorkbook assertPrintable(byte[] xlsx, Clock clock, LocalDateTime from, String footerWords)
			throws IOException {
		XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
		LocalDateTime to = LocalDateTime.now(clock);
		for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
			XSSFSheet sheet = workbook.getSheetAt(i);
			String name = sheet.getSheetName();
			PrintSetup setup = sheet.getPrintSetup();
			assertThat(setup.getPaperSize()).as(name + " paper").isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(sheet.getFitToPage()).as(name + " fit to page").isTrue();
			assertThat(setup.getFitWidth()).as(name + " fit width").isEqualTo((short) 1);
			assertThat(setup.getFitHeight()).as(name + " fit height").isEqualTo((short) 0);
			String area = workbook.getPrintArea(i);
			assertThat(area).as(name + " print area").isNotNull().contains("$A$1:");
			String footer = sheet.getFooter().getLeft();
			assertThat(footer).as(name + " footer").contains(footerWords);
			Matcher time = TIME.matcher(footer);
			assertThat(time.find()).as(name + " footer time: " + footer).isTrue();
			LocalDateTime made = LocalDateTime.parse(time.group(1), DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
			assertThat(made).as(name + " made at").isBetween(from.truncatedTo(ChronoUnit.MINUTES),
					to.truncatedTo(ChronoUnit.MINUTES));
			assertThat(sheet.getFooter().getRight()).as(name + " page numbers").isEqualTo("&P / &N");
			CellRangeAddress repeating = sheet.getRepeatingRows();
			if (repeating != null) {
				assertThat(sheet.getPaneInformation()).as(name + " frozen").isNotNull();
				assertThat(sheet.getPaneInformation().isFreezePane()).as(name + " frozen").isTrue();
				assertThat((int) sheet.getPaneInformation().getHorizontalSplitTopRow()).as(name + " frozen below the header")
					.isEqualTo(repeating.getLastRow() + 1);
			}
		}
		return workbook;
	}
}
