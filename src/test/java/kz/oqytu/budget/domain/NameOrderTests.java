package kz.oqytu.budget.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Body names in the reader's alphabet: Kazakh letters in their places, not after Я. */
class NameOrderTests {

	@Test
	void kazakhNamesFollowTheKazakhAlphabet() {
		List<String> names = new ArrayList<>(List.of("Ырғыз ауданы", "Әйтеке би ауданы", "Қобда ауданы", "Алға ауданы",
				"Ақтөбе қаласы", "Мұғалжар ауданы", "Мәртөк ауданы", "Қарғалы ауданы", "Байғанин ауданы"));
		names.sort(NameOrder.forReader(Locale.forLanguageTag("kk")));
		assertThat(names).containsExactly("Ақтөбе қаласы", "Алға ауданы", "Әйтеке би ауданы", "Байғанин ауданы",
				"Қарғалы ауданы", "Қобда ауданы", "Мәртөк ауданы", "Мұғалжар ауданы", "Ырғыз ауданы");
	}

	@Test
	void russianNamesFollowTheRussianAlphabet() {
		List<String> names = new ArrayList<>(List.of("Иргизский район", "город Актобе", "Айтекебийский район",
				"Ёлочка", "Ежовка"));
		names.sort(NameOrder.forReader(Locale.forLanguageTag("ru")));
		assertThat(names).containsExactly("Айтекебийский район", "город Актобе", "Ежовка", "Ёлочка", "Иргизский район");
	}
}
