package kz.oqytu.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.junit.jupiter.api.Test;

import kz.oqytu.shared.xlsx.SafeWorkbooks;
import kz.oqytu.shared.xlsx.SheetLimits;
import kz.oqytu.shared.xlsx.SpreadsheetRejectedException;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue #8, items 7, 8 and 9 (ASVS V12.1, V12.2, V5.5): what every Excel import in Oqytu (registry,
 * membership, participants, budgets) does with hostile files, all of which pass through
 * {@link SafeWorkbooks}. Zip bombs, huge entries and archives of too many entries are refused in
 * seconds without inflating them into memory; over-size files, programs renamed .xlsx and macro
 * workbooks are refused by their content with a message the user can read; XML external entities
 * inside a workbook are inert. (The web path with its message is in {@code HostileUploadPageTests};
 * materials have their own inspector, covered by {@code materials.domain.FileInspectorTests}.)
 */
class HostileSpreadsheetTests {

	// ---- item 7: zip bombs, huge entries, too many entries

	@Test
	void aZipBombIsRefusedInSecondsWithoutInflatingItIntoMemory() throws Exception {
		// 256 MB of one repeated byte inside the sheet: a few hundred KB compressed, well under the 10 MB limit.
		byte[] bomb = archive(Map.of("[Content_Types].xml", TYPES, "xl/workbook.xml", WORKBOOK), "xl/worksheets/sheet1.xml",
				1L << 28);
		assertThat(bomb.length).isLessThan((int) SafeWorkbooks.MAX_FILE_BYTES);
		assertRefusedQuicklyAndFlat(bomb, "import.error.fileTooComplex");
	}

	@Test
	void anArchiveOfTooManyEntriesIsRefused() throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put("[Content_Types].xml", TYPES);
		entries.put("xl/workbook.xml", WORKBOOK);
		for (int i = 0; i < 2000; i++) {
			entries.put("xl/media/image" + i + ".png", new byte[] { 1 });
		}
		assertRefusedQuicklyAndFlat(archive(entries, null, 0), "import.error.fileTooComplex");
	}

	@Test
	void poisZipGuardsAreTightenedNeverDisabled() {
		SafeWorkbooks.check(Workbooks.of(new Object[] { "a" }));
		assertThat(ZipSecureFile.getMinInflateRatio()).isGreaterThanOrEqualTo(0.01);
		assertThat(ZipSecureFile.getMaxEntrySize()).isPositive().isLessThanOrEqualTo(50L * 1024 * 1024);
		assertThat(ZipSecureFile.getMaxTextSize()).isPositive().isLessThanOrEqualTo(20_000_000L);
		assertThat(ZipSecureFile.getMaxFileCount()).isPositive().isLessThanOrEqualTo(1000);
	}

	// ---- item 8: size, type by content, macros

	@Test
	void anOverSizeFileIsRefusedWithItsLimit() {
		byte[] big = new byte[(int) SafeWorkbooks.MAX_FILE_BYTES + 1];
		big[0] = 'P';
		big[1] = 'K';
		big[2] = 3;
		big[3] = 4;
		SpreadsheetRejectedException refused = refusal(big);
		assertThat(refused.messageKey()).isEqualTo("import.error.fileTooLarge");
		assertThat(refused.arguments()).containsExactly(10L);
	}

	@Test
	void aProgramRenamedXlsxIsRefusedByItsContent() {
		byte[] program = new byte[4096];
		program[0] = 'M';
		program[1] = 'Z';
		assertThat(refusal(program).messageKey()).isEqualTo("import.error.notXlsx");
		// An office archive of another kind (a Word document) is not a workbook either.
		byte[] word = archive(Map.of("[Content_Types].xml", TYPES, "word/document.xml", "<w:document/>".getBytes()), null, 0);
		assertThat(refusal(word).messageKey()).isEqualTo("import.error.notXlsx");
	}

	@Test
	void aMacroWorkbookIsRefused() {
		byte[] macros = archive(Map.of("[Content_Types].xml", TYPES, "xl/workbook.xml", WORKBOOK, "xl/vbaProject.bin",
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 }), null, 0);
		assertThat(refusal(macros).messageKey()).isEqualTo("import.error.macros");
	}

	@Test
	void everyRefusalHasAMessageInEachLanguage() {
		for (String language : new String[] { "kk", "ru", "en" }) {
			ResourceBundle bundle = ResourceBundle.getBundle("i18n/messages", Locale.forLanguageTag(language));
			for (String key : new String[] { "import.error.fileTooComplex", "import.error.fileTooLarge", "import.error.notXlsx",
					"import.error.macros", "import.error.fileMalformed" }) {
				assertThat(bundle.getString(key)).as(language + " " + key).isNotBlank();
			}
		}
	}

	// ---- item 9: XML external entities

	@Test
	void anExternalEntityInAWorkbookIsInert() throws Exception {
		try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			String doctype = "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">"
					+ "<!ENTITY call SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/xxe\">]>";
			byte[] good = Workbooks.of(new Object[] { "name" }, new Object[] { "value" });
			for (String part : new String[] { "xl/sharedStrings.xml", "xl/workbook.xml", "[Content_Types].xml",
					"xl/worksheets/sheet1.xml" }) {
				byte[] hostile = withEntities(good, part, doctype);
				Throwable thrown = catchThrowable(() -> {
					StringBuilder text = new StringBuilder();
					SafeWorkbooks.read(hostile, SheetLimits.DEFAULT, row -> text.append(row).append('\n') != null);
					assertThat(text.toString()).doesNotContain("root:").doesNotContain("&secret;");
				});
				assertThat(thrown).as(part).satisfiesAnyOf(t -> assertThat(t).isNull(),
						t -> assertThat(t).isInstanceOf(SpreadsheetRejectedException.class));
				listener.setSoTimeout(50);
				assertThatThrownBy(listener::accept).as("no request to the entity's address (" + part + ")")
					.isInstanceOf(SocketTimeoutException.class);
			}
		}
	}

	// ---- helpers

	private static final byte[] TYPES = ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
			+ "package/2006/content-types\"/>").getBytes(StandardCharsets.UTF_8);

	private static final byte[] WORKBOOK = "<workbook/>".getBytes(StandardCharsets.UTF_8);

	private static void assertRefusedQuicklyAndFlat(byte[] file, String key) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		long allocatedBefore = threads.getThreadAllocatedBytes(thread);
		long t0 = System.nanoTime();
		SpreadsheetRejectedException refused = refusal(file);
		long millis = (System.nanoTime() - t0) / 1_000_000;
		long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
		assertThat(refused.messageKey()).isEqualTo(key);
		assertThat(millis).as("milliseconds to refuse").isLessThan(5000);
		// Streamed through a small buffer: what was allocated stays far below what the file inflates to.
		assertThat(allocated).as("bytes allocated while refusing").isLessThan(32L * 1024 * 1024);
	}

	private static SpreadsheetRejectedException refusal(byte[] file) {
		Throwable thrown = catchThrowable(() -> {
			SafeWorkbooks.check(file);
			SafeWorkbooks.read(file, SheetLimits.DEFAULT, row -> true);
		});
		assertThat(thrown).isInstanceOf(SpreadsheetRejectedException.class);
		return (SpreadsheetRejectedException) thrown;
	}

	/** A ZIP of the given entries, plus optionally one entry of {@code fillBytes} repeated spaces. */
	private static byte[] archive(Map<String, byte[]> entries, String fillEntry, long fillBytes) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
			if (fillEntry != null) {
				zip.putNextEntry(new ZipEntry(fillEntry));
				byte[] spaces = new byte[1 << 20];
				java.util.Arrays.fill(spaces, (byte) ' ');
				for (long written = 0; written < fillBytes; written += spaces.length) {
					zip.write(spaces);
				}
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The workbook with a DOCTYPE declaring external entities in one part, and the entities used. */
	private static byte[] withEntities(byte[] workbook, String part, String doctype) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(workbook))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		String xml = new String(entries.get(part), StandardCharsets.UTF_8);
		int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
		xml = xml.substring(0, afterDeclaration) + doctype + xml.substring(afterDeclaration);
		xml = xml.replace(">value<", ">&secret;&call;<");
		entries.put(part, xml.getBytes(StandardCharsets.UTF_8));
		return archive(entries, null, 0);
	}
}
