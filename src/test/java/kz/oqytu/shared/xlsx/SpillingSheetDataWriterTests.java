package kz.oqytu.shared.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #17 (S5): SXSSF's temporary sheet files are plain up to a limit and gzipped after it; the
 * workbook reads back the same whichever side of the limit its rows fell.
 */
class SpillingSheetDataWriterTests {

	/** A workbook like the exports' whose temp files spill after {@code limit} bytes. */
	private static byte[] workbook(long limit, int rows) throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 50, true) {
			@Override
			protected SheetDataWriter createSheetDataWriter() throws IOException {
				return SpillingSheetDataWriter.create(getSharedStringSource(), limit);
			}
		}) {
			Sheet sheet = workbook.createSheet("Қатысушылар");
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("Асанова Гүлжан " + r + " <&> \"Сәуле\"");
				row.createCell(1).setCellValue(r);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
	}

	@Test
	void rowsBeforeAndAfterTheLimitReadBackAsWritten() throws IOException {
		int rows = 3_000;
		for (long limit : new long[] { 0, 1, 10_000, 1L << 30 }) {
			try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook(limit, rows)))) {
				Sheet sheet = read.getSheetAt(0);
				assertThat(sheet.getLastRowNum()).as("limit %d", limit).isEqualTo(rows - 1);
				for (int r : new int[] { 0, 1, 17, rows / 2, rows - 1 }) {
					assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo("Асанова Гүлжан " + r + " <&> \"Сәуле\"");
					assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(r);
				}
			}
		}
	}

	@Test
	void theStreamsRoundTripAcrossTheLimitInAnyChunking() throws IOException {
		byte[] data = new byte[200_000];
		new Random(17).nextBytes(data);
		for (long limit : new long[] { 0, 1, 65_536, 199_999, 200_000, 1_000_000 }) {
			ByteArrayOutputStream file = new ByteArrayOutputStream();
			SpillingSheetDataWriter.SpillingOutputStream out = new SpillingSheetDataWriter.SpillingOutputStream(file, limit);
			Random chunks = new Random(limit);
			for (int at = 0; at < data.length;) {
				int n = Math.min(data.length - at, chunks.nextInt(5_000));
				if (n == 1) {
					out.write(data[at]);
				}
				else {
					out.write(data, at, n);
				}
				at += n;
			}
			out.close();
			assertThat(out.compressed()).as("limit %d", limit).isEqualTo(limit < data.length);
			assertThat(out.plain()).isEqualTo(Math.min(limit, data.length));
			InputStream raw = new ByteArrayInputStream(file.toByteArray());
			InputStream in = out.compressed() ? new SpillingSheetDataWriter.SpilledInputStream(raw, out.plain()) : raw;
			assertThat(in.readAllBytes()).isEqualTo(data);
		}
	}

	/**
	 * The lock-free buffer in front of the sheet's XML writes what a BufferedWriter would, to the byte, whether
	 * the text comes a character, a slice or a string at a time, across its buffer's edge, with Cyrillic,
	 * Kazakh letters and characters outside the BMP split between two writes.
	 */
	@Test
	void theUnsynchronizedWriterWritesTheSameBytes() throws IOException {
		StringBuilder text = new StringBuilder();
		Random random = new Random(7);
		String alphabet = "aZ09 <&>\"'әғқңөұүһіАБВ\u0000\t\n";
		while (text.length() < 100_000) {
			text.append(random.nextInt(50) == 0 ? "\uD83D\uDE00" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
		}
		String all = text.toString();
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		ByteArrayOutputStream actual = new ByteArrayOutputStream();
		try (java.io.Writer plain = new java.io.BufferedWriter(new java.io.OutputStreamWriter(expected, java.nio.charset.StandardCharsets.UTF_8));
				java.io.Writer ours = new SpillingSheetDataWriter.UnsynchronizedWriter(
						new java.io.OutputStreamWriter(actual, java.nio.charset.StandardCharsets.UTF_8))) {
			Random chunks = new Random(3);
			for (int at = 0; at < all.length();) {
				int n = Math.min(all.length() - at, switch (chunks.nextInt(4)) {
					case 0 -> 1;
					case 1 -> chunks.nextInt(100);
					case 2 -> chunks.nextInt(20_000);
					default -> 16_384;
				});
				switch (chunks.nextInt(3)) {
					case 0 -> {
						for (int k = 0; k < n; k++) {
							plain.write(all.charAt(at + k));
							ours.write(all.charAt(at + k));
						}
					}
					case 1 -> {
						plain.write(all.toCharArray(), at, n);
						ours.write(all.toCharArray(), at, n);
					}
					default -> {
						plain.write(all, at, n);
						ours.write(all, at, n);
					}
				}
				at += n;
			}
		}
		assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
		assertThat(new String(actual.toByteArray(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(all);
	}

	/**
	 * The cells the writer writes itself are POI's XML to the byte: a sheet of random text (the XML
	 * characters, line breaks, tabs, no-break spaces, control characters, U+FFFE/U+FFFF, emoji, a lone
	 * surrogate, Kazakh letters, spaces at either end), numbers (whole, negative, -0, fractions, dates,
	 * ten million and above, NaN, infinity), true/false, blanks, styled cells, gaps between cells and
	 * columns past Z, beside a formula and an error cell (written by POI), compared with the sheet
	 * POI's own writer makes of the same cells, with inline strings and with the shared strings table.
	 */
	@Test
	void cellsAreWrittenAsPoiWritesThem() throws IOException {
		for (boolean shared : new boolean[] { false, true }) {
			byte[] poi = sheetXml(cellsWith(new SXSSFWorkbook(null, 20, false, shared)));
			byte[] ours = sheetXml(cellsWith(new SXSSFWorkbook(null, 20, false, shared) {
				@Override
				protected SheetDataWriter createSheetDataWriter() throws IOException {
					return SpillingSheetDataWriter.create(getSharedStringSource(), Long.MAX_VALUE);
				}
			}));
			assertThat(new String(ours, java.nio.charset.StandardCharsets.UTF_8)).as("shared strings %s", shared)
				.isEqualTo(new String(poi, java.nio.charset.StandardCharsets.UTF_8));
			assertThat(ours).isEqualTo(poi);
		}
	}

	private static SXSSFWorkbook cellsWith(SXSSFWorkbook workbook) {
		Sheet sheet = workbook.createSheet("Қатысушылар");
		org.apache.poi.ss.usermodel.CellStyle dates = workbook.createCellStyle();
		dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
		org.apache.poi.ss.usermodel.CellStyle bold = workbook.createCellStyle();
		Random random = new Random(11);
		String alphabet = "aZ09 <&>\"'әғқңөұүһіАБВ\u0000\u0001\u001f\t\n\r\u00a0\ufffe\uffff\ud800";
		double[] numbers = { 0, 1, -1, 7, 33_557, 9_999_999, 10_000_000, -9_999_999, 1e15, -0.0, 0.5, 16.9, 1e-4,
				46_023.375, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 123_456_789.25 };
		for (int r = 0; r < 400; r++) {
			Row row = sheet.createRow(r * 3 + random.nextInt(3));
			for (int c : new int[] { 0, 1, 2, 3, 5, 25, 26, 27, 701, 702 }) {
				if (random.nextInt(6) == 0) {
					continue;
				}
				org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
				switch (random.nextInt(6)) {
					case 0 -> {
						StringBuilder text = new StringBuilder();
						int length = random.nextInt(30);
						for (int k = 0; k < length; k++) {
							text.append(random.nextInt(25) == 0 ? "\uD83D\uDE00" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
						}
						cell.setCellValue(text.toString());
					}
					case 1 -> cell.setCellValue(numbers[random.nextInt(numbers.length)]);
					case 2 -> cell.setCellValue(random.nextDouble() * 1e6 - 5e5);
					case 3 -> {
						cell.setCellValue(java.time.LocalDate.of(2024, 1, 1).plusDays(random.nextInt(800)));
						cell.setCellStyle(dates);
					}
					case 4 -> cell.setCellValue(random.nextBoolean());
					default -> cell.setCellStyle(random.nextBoolean() ? bold : dates);
				}
			}
		}
		Row last = sheet.createRow(2_000);
		last.createCell(0).setCellFormula("SUM(B1:B10)");
		last.createCell(1).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
		last.createCell(2).setCellValue(" space at the start");
		last.createCell(3).setCellValue("and at the end\t");
		last.createCell(4).setCellValue("");
		return workbook;
	}

	private static byte[] sheetXml(SXSSFWorkbook workbook) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (workbook) {
			workbook.write(out);
			workbook.dispose();
		}
		java.nio.file.Path file = java.nio.file.Files.createTempFile("oqytu-sheet", ".xlsx");
		try {
			java.nio.file.Files.write(file, out.toByteArray());
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
				java.util.zip.ZipEntry entry = zip.getEntry("xl/worksheets/sheet1.xml");
				if (entry != null) {
					return zip.getInputStream(entry).readAllBytes();
				}
			}
		}
		finally {
			java.nio.file.Files.delete(file);
		}
		throw new AssertionError("no sheet in the workbook");
	}
}
