package kz.oqytu.training.domain;

import org.junit.jupiter.api.Test;

import kz.oqytu.shared.xlsx.SheetRow;
import kz.oqytu.training.ParticipantColumns;

import static org.assertj.core.api.Assertions.assertThat;

/** How a participant list kept on file is read: headers, organization names, stray spaces. */
class ParticipantListReadingTests {

	@Test
	void recognizesTheTemplatesBilingualHeaders() throws Exception {
		assertThat(columns("Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория", "Лауазымы / Должность"))
			.isEqualTo(new ParticipantColumns(0, 1, 2, 3));
	}

	@Test
	void recognizesHeadersWhateverTheirPunctuationCaseOrHalf() throws Exception {
		assertThat(columns("№ п/п", "ф. и. о.", "ДОЛЖНОСТЬ:", "Место работы", "Категория участника*"))
			.isEqualTo(new ParticipantColumns(1, 3, 4, 2));
		assertThat(columns("Аты-жөні/ФИО", "Ұйым (БКҰ)", "Санаты"))
			.isEqualTo(new ParticipantColumns(0, 1, 2, null));
		assertThat(columns("Full name", "Organization", "Category", "Position"))
			.isEqualTo(new ParticipantColumns(0, 1, 2, 3));
	}

	@Test
	void leavesUnknownHeadersUnrecognized() throws Exception {
		ParticipantColumns c = columns("Кто", "Где", "Лауазымы");
		assertThat(c.complete()).isFalse();
		assertThat(c.position()).isEqualTo(2);
	}

	@Test
	void cleansNoBreakSpacesAndInvisibleCharacters() {
		assertThat(ParticipantImportService.clean("\u00a0Аманова\u00a0\u00a0Айгүл\u200b ")).isEqualTo("Аманова Айгүл");
		assertThat(ParticipantImportService.clean(null)).isEmpty();
	}

	private static ParticipantColumns columns(String... titles) {
		return ParticipantImportService.recognize(SheetRow.of(0, titles));
	}
}
