package kz.oqytu.materials.domain;

import org.junit.jupiter.api.Test;

import kz.oqytu.materials.FileType;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as people send them, and as downloads offer them. */
class FileNamesTests {

	@Test
	void keepsAKazakhNameAndItsExtension() {
		assertThat(FileNames.download("Еңбек даулары — кейстер.pdf", FileType.PDF)).isEqualTo("Еңбек даулары — кейстер.pdf");
	}

	@Test
	void dropsDirectoriesAndCharactersThatBreakHeadersOrFileSystems() {
		assertThat(FileNames.download("C:\\Users\\x\\..\\a\"b<c>|d?.docx", FileType.DOCX)).isEqualTo("a_b_c__d_.docx");
		assertThat(FileNames.download("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
		assertThat(FileNames.download("line\r\nbreak.pdf", FileType.PDF)).isEqualTo("line__break.pdf");
	}

	@Test
	void offersTheDetectedTypesExtension() {
		assertThat(FileNames.download("slides.pdf", FileType.PPTX)).isEqualTo("slides.pptx");
		assertThat(FileNames.download("report", FileType.XLSX)).isEqualTo("report.xlsx");
	}

	@Test
	void namesANamelessFile() {
		assertThat(FileNames.download(null, FileType.PDF)).isEqualTo("material.pdf");
		assertThat(FileNames.download("...", FileType.PDF)).isEqualTo("material.pdf");
		assertThat(FileNames.original(null, FileType.DOCX)).isEqualTo("file.docx");
	}

	@Test
	void boundsTheLength() {
		String longName = "ә".repeat(500) + ".pdf";
		String name = FileNames.download(longName, FileType.PDF);
		assertThat(name).hasSizeLessThanOrEqualTo(FileNames.MAX_LENGTH).endsWith(".pdf");
	}
}
