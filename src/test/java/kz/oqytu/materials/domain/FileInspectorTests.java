package kz.oqytu.materials.domain;

import java.nio.charset.StandardCharsets;

import java.util.Map;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
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

	// ---- issue #15, item 7: macro projects where the name check did not look, PDFs that act by themselves

	@Test
	void refusesAMacroProjectUnderAPercentEncodedName() {
		byte[] docx = MaterialTestFiles.addEntry(MaterialTestFiles.docx("x"), "word/vba%50roject.bin",
				new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
		assertRefused(docx, "materials.error.fileMacros");
	}

	@Test
	void refusesAMacroProjectHiddenUnderAnotherName() {
		assertRefused(MaterialTestFiles.docxWithHiddenMacro(), "materials.error.fileMacros");
	}

	@Test
	void refusesAMacroProjectLinkedByItsRelationship() {
		byte[] rels = ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
				+ "relationships\"><Relationship Id=\"rId9\" Type=\"http://schemas.microsoft.com/office/2006/relationships/"
				+ "vbaProject\" Target=\"media/picture.bin\"/></Relationships>").getBytes(StandardCharsets.UTF_8);
		byte[] docx = MaterialTestFiles.addEntry(
				MaterialTestFiles.addEntry(MaterialTestFiles.docx("x"), "word/_rels/settings.xml.rels", rels),
				"word/media/picture.bin", new byte[] { 1, 2, 3 });
		assertRefused(docx, "materials.error.fileMacros");
	}

	@Test
	void acceptsAnOrdinaryPdfAndOneThatOpensAtAPage() {
		assertThat(inspect(MaterialTestFiles.pdf(document -> {
		})).type()).isEqualTo(FileType.PDF);
		byte[] opensAtPage = MaterialTestFiles.pdf(document -> {
			PDPageFitDestination firstPage = new PDPageFitDestination();
			firstPage.setPage(document.getPage(0));
			document.getDocumentCatalog().setOpenAction(firstPage);
		});
		assertThat(inspect(opensAtPage).type()).isEqualTo(FileType.PDF);
	}

	@Test
	void refusesAPdfRunningJavaScriptOnOpeningEvenInsideACompressedObjectStream() {
		byte[] pdf = MaterialTestFiles.pdfWithJavaScript();
		assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).as("hidden from a byte search")
			.doesNotContain("JavaScript")
			.doesNotContain("/JS");
		assertRefused(pdf, "materials.error.pdfActive");
	}

	@Test
	void refusesAPdfWithAnyActionOnOpeningOrAdditionalActionsOrADocumentScript() {
		assertRefused(MaterialTestFiles.pdf(document -> {
			PDActionGoTo goTo = new PDActionGoTo();
			PDPageFitDestination firstPage = new PDPageFitDestination();
			firstPage.setPage(document.getPage(0));
			goTo.setDestination(firstPage);
			document.getDocumentCatalog().setOpenAction(goTo);
		}), "materials.error.pdfActive");
		assertRefused(MaterialTestFiles.pdf(document -> {
			COSDictionary actions = new COSDictionary();
			actions.setItem(COSName.getPDFName("O"), new PDActionJavaScript("app.alert(1)"));
			document.getPage(0).getCOSObject().setItem(COSName.getPDFName("AA"), actions);
		}), "materials.error.pdfActive");
		assertRefused(MaterialTestFiles.pdf(document -> {
			PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
			scripts.setNames(Map.of("init", new PDActionJavaScript("app.alert(1)")));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setJavascript(scripts);
			document.getDocumentCatalog().setNames(names);
		}), "materials.error.pdfActive");
	}

	@Test
	void refusesAPdfThatDoesNotParseButNamesAScript() {
		byte[] broken = ("%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >>"
				+ "\n%%EOF").getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(broken, "materials.error.pdfActive");
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
