package kz.oqytu.shared;

import java.text.Collator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NaturalOrderTests {

	@Test
	void numbersInNamesCompareAsNumbers() {
		List<String> names = new ArrayList<>(List.of("№ 12 мектеп-гимназия", "№2 мектеп", "№ 5 «Балапан» бөбекжайы",
				"№ 102 мектеп"));
		names.sort(NaturalOrder.by(Collator.getInstance(Locale.forLanguageTag("ru"))));
		assertThat(names).containsExactly("№2 мектеп", "№ 5 «Балапан» бөбекжайы", "№ 12 мектеп-гимназия", "№ 102 мектеп");
		List<String> schools = new ArrayList<>(List.of("Мектеп-гимназия № 10", "Мектеп-гимназия № 9", "Мектеп-гимназия № 1"));
		schools.sort(NaturalOrder.plain());
		assertThat(schools).containsExactly("Мектеп-гимназия № 1", "Мектеп-гимназия № 9", "Мектеп-гимназия № 10");
	}

	@Test
	void quotesAndSpacesDoNotOrderNames() {
		List<String> names = new ArrayList<>(List.of("«Балапан» бөбекжайы", "Айгөлек", "Балауса"));
		names.sort(NaturalOrder.plain());
		assertThat(names).containsExactly("Айгөлек", "«Балапан» бөбекжайы", "Балауса");
	}
}
