package kz.oqytu.materials.domain;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

import kz.oqytu.materials.FileType;
import kz.oqytu.materials.MaterialTestFiles;
import kz.oqytu.shared.BusinessRuleException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file is what its bytes say, whatever its name: the four accepted types and the liars. */
class FileInspectorTests {

	private static final long LIMIT = 20L * 1024 * 1024;

	@Test
	void recognizesAPdfByItsHeaderAndMeasuresIt() {
		byte[] pdf = MaterialTestFiles.largePdf(100_000);
		FileInspector.Inspected inspected = inspect(pdf);
		assertThat(inspected.type()).isEqualTo(FileType.PDF);
		assertThat(inspected.size()).isEqualTo(100_000);
		assertThat(inspected.sha256()).isEqualTo(MaterialTestFiles.sha256(pdf));
	}

	@Test
	void recognizesWordPowerPointAndExcelByTheirMainPart() {
		assertThat(inspect(MaterialTestFiles.docx("сәлем")).type()).isEqualTo(FileType.DOCX);
		assertThat(inspect(MaterialTestFiles.pptx()).type()).isEqualTo(FileType.PPTX);
		assertThat(inspect(MaterialTestFiles.xlsx()).type()).isEqualTo(FileType.XLSX);
	}

	@Test
	void hashesTheWholeArchiveNotOnlyWhatTheWalkRead() {
		byte[] docx = MaterialTestFiles.docx("бүтін файл");
		FileInspector.Inspected inspected = inspect(docx);
		assertThat(inspected.size()).isEqualTo(docx.length);
		assertThat(inspected.sha256()).isEqualTo(MaterialTestFiles.sha256(docx));
	}

	@Test
	void refusesAProgramWhateverItIsCalled() {
		assertRefused(MaterialTestFiles.exe(), "materials.error.fileType");
	}

	@Test
	void refusesAZipThatIsNoOfficeDocument() {
		assertRefused(MaterialTestFiles.plainZip(), "materials.error.fileType");
	}

	@Test
	void refusesAnArchiveClaimingTwoDocumentTypes() {
		byte[] both = MaterialTestFiles.addEntry(MaterialTestFiles.docx("x"), "xl/workbook.xml", "<workbook/>".getBytes());
		assertRefused(both, "materials.error.fileType");
	}

	@Test
	void refusesADocumentWithAMacroProject() {
		assertRefused(MaterialTestFiles.docxWithMacro(), "materials.error.fileMacros");
	}

	@Test
	void refusesADocumentDeclaredMacroEnabled() {
		byte[] docm = MaterialTestFiles.zip(new String[] { "[Content_Types].xml", "word/document.xml" },
				new byte[][] { ("<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/"
						+ "vnd.ms-word.document.macroEnabled.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8),
						"<document/>".getBytes(StandardCharsets.UTF_8) });
		assertRefused(docm, "materials.error.fileMacros");
	}

	@Test
	void refusesAZipBombBeforeInflatingItAll() {
		byte[] bomb = bomb(FileInspector.MAX_ENTRY_BYTES + 1024 * 1024);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertRefused(bomb, "materials.error.fileTooComplex");
	}

	@Test
	void refusesMoreBytesThanTheLimitWhateverSizeWasDeclared() {
		assertThatThrownBy(() -> FileInspector.inspect(new ByteArrayResource(MaterialTestFiles.largePdf(2048)), 1024))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("materials.error.fileTooLarge");
				assertThat(ex.field()).isEqualTo("file");
			});
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused(new byte[0], "materials.error.fileRequired");
	}

	@Test
	void refusesATruncatedArchive() {
		byte[] docx = MaterialTestFiles.docx("обрыв");
		byte[] truncated = java.util.Arrays.copyOf(docx, docx.length / 3);
		assertThatThrownBy(() -> inspect(truncated)).isInstanceOf(BusinessRuleException.class);
	}

	/** A document whose one part inflates from a few hundred kilobytes to more than the limit. */
	private static byte[] bomb(long inflated) {
		try (var out = new java.io.ByteArrayOutputStream(); var zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (long written = 0; written < inflated; written += zeros.length) {
				zip.write(zeros);
			}
			zip.closeEntry();
			zip.finish();
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static FileInspector.Inspected inspect(byte[] bytes) {
		return FileInspector.inspect(new ByteArrayResource(bytes), LIMIT);
	}

	private static void assertRefused(byte[] bytes, String key) {
		assertThatThrownBy(() -> inspect(bytes)).isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
			assertThat(ex.messageKey()).isEqualTo(key);
			assertThat(ex.field()).isEqualTo("file");
		});
	}
}
