package kz.oqytu.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import kz.oqytu.training.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #15, item 1 (ASVS V12.1.x, V11.1.4): the probe's spreadsheet (a 10 MB-class file, one sheet
 * of 1.5 million cells) once made the server run out of memory while the participant-import preview
 * built the whole workbook. Every import now streams its sheet under row, column and cell limits:
 * the file is refused with the limit named, the reading thread stays small, and other people are
 * served meanwhile. One test per limit, each through a different import (participants, registry,
 * budget).
 */
@OqytuIntegrationTest
class OversizedSpreadsheetTests {

	/**
	 * What the preview of the refused 1.5-million-cell sheet may allocate on its thread, garbage
	 * included (measured: about 500 MB for the million cells read before the limit, a few hundred
	 * bytes each, none of it kept). Building the whole workbook, as before, needs gigabytes: the
	 * test JVM (1 GB) runs out of memory.
	 */
	private static final long READING_ALLOCATION_BOUND = 1024L * 1024 * 1024;

	/** Another person's page while the file is read: served, not queued behind it (generous: shared CI machines). */
	private static final long OTHER_PAGE_BOUND_MILLIS = 30_000;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	TrainingEvents events;

	@Test
	void aSheetOfOneAndAHalfMillionCellsIsRefusedWithTheCellLimitWhileOthersAreServed() throws Exception {
		// The template's headers, then 50 000 rows of 30 numbers beside them: 1.5 million cells.
		byte[] file = streamedWorkbook(sheet -> {
			Row header = sheet.createRow(0);
			String[] titles = { "Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория", "Лауазымы / Должность" };
			for (int c = 0; c < titles.length; c++) {
				header.createCell(c).setCellValue(titles[c]);
			}
			for (int r = 1; r <= 50_000; r++) {
				Row row = sheet.createRow(r);
				for (int c = 4; c < 34; c++) {
					row.createCell(c).setCellValue(r % 10);
				}
			}
		});
		assertThat(file.length).isLessThan((int) SafeWorkbooks.MAX_FILE_BYTES);
		long eventId = events.create(users.current("methodologist"), new EventCommand("Үлкен файл", "Большой файл",
				"THEMATIC_SEMINAR", Set.of("LEGAL_LITERACY"), LocalDateTime.of(2027, 4, 10, 10, 0),
				LocalDateTime.of(2027, 4, 10, 14, 0), BigDecimal.valueOf(4), VenueKind.REGIONAL_OFFICE, null, null,
				null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		String preview = upload("/events/" + eventId + "/participants/import", file, "methodologist");

		// The preview reads the file on its own thread while another person opens a page.
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		CompletableFuture<long[]> reading = CompletableFuture.supplyAsync(() -> {
			long thread = Thread.currentThread().getId();
			long before = threads.getThreadAllocatedBytes(thread);
			long t0 = System.nanoTime();
			try {
				MvcResult result = mvc.perform(get(preview).with(users.as("methodologist")))
					.andExpect(status().is3xxRedirection())
					.andExpect(redirectedUrl("/events/" + eventId + "/participants"))
					.andExpect(flash().attribute("flashError", "import.error.sheetTooManyCells"))
					.andReturn();
				assertThat((Object[]) result.getFlashMap().get("flashArgs")).containsExactly(1_000_000L);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			return new long[] { threads.getThreadAllocatedBytes(thread) - before, (System.nanoTime() - t0) / 1_000_000 };
		});
		long t0 = System.nanoTime();
		mvc.perform(get("/events").with(users.as("executive"))).andExpect(status().isOk());
		long otherMillis = (System.nanoTime() - t0) / 1_000_000;
		long[] measured = reading.get(2, TimeUnit.MINUTES);
		System.out.printf("1.5M-cell sheet: refused in %d ms, %d MB allocated while reading; another page in %d ms%n",
				measured[1], measured[0] / (1024 * 1024), otherMillis);
		assertThat(measured[0]).as("bytes allocated by the reading thread").isLessThan(READING_ALLOCATION_BOUND);
		assertThat(otherMillis).as("another person's page while the file is read").isLessThan(OTHER_PAGE_BOUND_MILLIS);
		// Still serving afterwards, the same person included.
		mvc.perform(get("/events/" + eventId + "/participants").with(users.as("methodologist")))
			.andExpect(status().isOk());
	}

	@Test
	void aRegistrySheetOfMoreRowsThanTheLimitIsRefusedWithTheRowLimit() throws Exception {
		// The template's headers, then 100 001 rows holding a note far to the right (no registry data).
		byte[] file = streamedWorkbook(sheet -> {
			Row header = sheet.createRow(0);
			String[] titles = { "Аудан / Район", "Атауы (қазақша) / Наименование (на казахском)", "Түрі / Тип" };
			for (int c = 0; c < titles.length; c++) {
				header.createCell(c).setCellValue(titles[c]);
			}
			for (int r = 1; r <= 100_001; r++) {
				sheet.createRow(r).createCell(20).setCellValue(1);
			}
		});
		String preview = upload("/organizations/import/registry", file, "methodologist");
		MvcResult result = mvc.perform(get(preview).with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/organizations/import"))
			.andExpect(flash().attribute("flashError", "import.error.sheetTooManyRows"))
			.andReturn();
		assertThat((Object[]) result.getFlashMap().get("flashArgs")).containsExactly(100_000);
	}

	@Test
	void aBudgetSheetWiderThanTheLimitIsRefusedWithTheColumnLimit() throws Exception {
		byte[] file = streamedWorkbook(sheet -> {
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("ID");
			header.createCell(1).setCellValue("Кәсіподақ органы / Профсоюзный орган");
			header.createCell(2).setCellValue("Жыл / Год");
			for (int c = 3; c <= 100; c++) {
				header.createCell(c).setCellValue("Баған " + c);
			}
		});
		String preview = upload("/budget/import", file, "methodologist");
		MvcResult result = mvc.perform(get(preview).with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/budget/import"))
			.andExpect(flash().attribute("flashError", "import.error.sheetTooManyColumns"))
			.andReturn();
		assertThat((Object[]) result.getFlashMap().get("flashArgs")).containsExactly(100);
	}

	private String upload(String path, byte[] file, String user) throws Exception {
		String location = mvc
			.perform(multipart(path).file(new MockMultipartFile("file", "big.xlsx", "application/octet-stream", file))
				.with(users.as(user))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).as("the upload is accepted; the sheet is read at the preview").contains("/import/");
		return location;
	}

	/**
	 * Written with SXSSF (a hundred rows in memory at a time), then zipped again entry by entry with
	 * the JDK, as a spreadsheet program saves it (SXSSF's own archive marks its sheet's size in a way
	 * the upload check's streaming ZIP reader does not take).
	 */
	private static byte[] streamedWorkbook(Consumer<Sheet> filler) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			filler.accept(workbook.createSheet("Sheet1"));
			Path written = Files.createTempFile("oqytu-test-", ".xlsx");
			try {
				try (var file = Files.newOutputStream(written)) {
					workbook.write(file);
				}
				try (ZipFile zip = new ZipFile(written.toFile()); ZipOutputStream again = new ZipOutputStream(out)) {
					for (ZipEntry entry : Collections.list(zip.entries())) {
						again.putNextEntry(new ZipEntry(entry.getName()));
						try (InputStream in = zip.getInputStream(entry)) {
							in.transferTo(again);
						}
						again.closeEntry();
					}
				}
			}
			finally {
				Files.deleteIfExists(written);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// temporary files are removed by close; nothing else to do
			}
		}
	}
}
