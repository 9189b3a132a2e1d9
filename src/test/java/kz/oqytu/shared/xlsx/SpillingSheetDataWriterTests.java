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
}
