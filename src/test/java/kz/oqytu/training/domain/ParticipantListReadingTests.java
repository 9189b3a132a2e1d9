package kz.oqytu.training.domain;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.oqytu.organizations.Organizations;
import kz.oqytu.shared.xlsx.SheetRow;
import kz.oqytu.training.ParticipantColumns;
import kz.oqytu.training.domain.ParticipantImportService.OrganizationResolver;

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
	void findsOrganizationsTypedWithOtherQuotesSpacesOrCase() {
		Map<String, Long> index = new HashMap<>();
		index.put(Organizations.nameKey("Ақтөбе қаласы, №1 мектеп-гимназия"), 10L);
		index.put(Organizations.nameKey("ЖШС \"Балапан\" балабақшасы"), 11L);
		index.put(Organizations.nameKey("Школа №5"), null);
		OrganizationResolver resolver = new OrganizationResolver(index);
		assertThat(resolver.find("АҚТӨБЕ ҚАЛАСЫ,  №1 мектеп-гимназия").id()).isEqualTo(10L);
		assertThat(resolver.find("Ақтөбе қаласы, № 1 мектеп гимназия").id()).isEqualTo(10L);
		assertThat(resolver.find("ЖШС «Балапан» балабақшасы").id()).isEqualTo(11L);
		assertThat(resolver.find("школа №5").outcome()).isEqualTo(OrganizationResolver.Outcome.AMBIGUOUS);
		assertThat(resolver.find("Школа №6").outcome()).isEqualTo(OrganizationResolver.Outcome.UNKNOWN);
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
