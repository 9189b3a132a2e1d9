package kz.oqytu.organizations;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Organization names as people write them in lists, matched against the registry's. */
class NameMatcherTests {

	static final List<String> DISTRICTS = List.of("Алға ауданы", "Алгинский район", "Ақтөбе қаласы", "город Актобе",
			"Хромтау ауданы", "Хромтауский район");

	static final List<NameMatcher.Unit> UNITS = List.of(
			new NameMatcher.Unit(41, "Алға ауданы, №3 орта мектеп", "Средняя школа №3, Алгинский район", 4),
			new NameMatcher.Unit(42, "Алға ауданы, №1 «Балапан» балабақшасы", "Детский сад №1 «Балапан», Алгинский район", 4),
			new NameMatcher.Unit(43, "Алға ауданы, №5 орта мектеп", "Средняя школа №5, Алгинский район", 4),
			new NameMatcher.Unit(31, "Ақтөбе қаласы, №3 мектеп-гимназия", "Школа-гимназия №3, город Актобе", 3),
			new NameMatcher.Unit(141, "Хромтау ауданы, №3 орта мектеп", "Средняя школа №3, Хромтауский район", 14),
			new NameMatcher.Unit(142, "Хромтау ауданы, №2 «Айгөлек» балабақшасы", "Детский сад №2 «Айголек», Хромтауский район", 14));

	final NameMatcher matcher = new NameMatcher(UNITS, Map.of(OrganizationNames.key("Алғадағы үшінші мектеп"), 41L),
			DISTRICTS);

	@Test
	void numbersQuotesCaseSpacesAndLanguageDoNotChangeTheKey() {
		String key = OrganizationNames.key("Алға ауданы, №3 орта мектеп");
		assertThat(OrganizationNames.key("АЛҒА  АУДАНЫ № 3 ОРТА МЕКТЕП")).isEqualTo(key);
		assertThat(OrganizationNames.key("Алға ауданы 3-ші орта мектеп")).isEqualTo(key);
		assertThat(OrganizationNames.key("Алга ауданы, орта мектеп №3")).isEqualTo(key);
		assertThat(OrganizationNames.key("«Алға ауданының №3 орта мектебі» КММ")).isNotEqualTo(key);
		assertThat(OrganizationNames.key("СШ №5")).isEqualTo(OrganizationNames.key("5-я средняя школа"))
			.isEqualTo(OrganizationNames.key("№5 ОМ")).isEqualTo(OrganizationNames.key("5-ші орта мектеп"));
		assertThat(OrganizationNames.key("«Балапан» бөбекжайы")).isEqualTo(OrganizationNames.key("ясли-сад \"Балапан\""))
			.isEqualTo(OrganizationNames.key("Балапан балабақшасы"));
		assertThat(OrganizationNames.key("Айгөлек")).isEqualTo(OrganizationNames.key("Айголек"));
	}

	@Test
	void aNameWithoutItsDistrictIsFoundInTheEventsDistrict() {
		assertThat(matcher.resolve("СШ №3", 4L).id()).isEqualTo(41L);
		assertThat(matcher.resolve("СШ №3", 14L).id()).isEqualTo(141L);
		assertThat(matcher.resolve("СШ №3", null).outcome()).isEqualTo(NameMatcher.Outcome.AMBIGUOUS);
		assertThat(matcher.resolve("Алгинский р-н, СШ № 3", null).id()).isEqualTo(41L);
		assertThat(matcher.resolve("Средняя школа №3 Хромтауского района", null).id()).isEqualTo(141L);
		assertThat(matcher.resolve("школа-гимназия № 3 г. Актобе", null).id()).isEqualTo(31L);
		assertThat(matcher.resolve("№2 Айголек ясли-сад", null).id()).isEqualTo(142L);
		assertThat(matcher.resolve("я/с «Айголек» №2", 14L).id()).isEqualTo(142L);
		assertThat(matcher.resolve("СОШ № 5", 4L).id()).isEqualTo(43L);
		assertThat(matcher.resolve("5-я средняя школа", 4L).id()).isEqualTo(43L);
	}

	@Test
	void anAliasKeptFromAnEarlierChoiceMatches() {
		NameMatcher.Match match = matcher.resolve("Алғадағы  ҮШІНШІ мектеп", null);
		assertThat(match.id()).isEqualTo(41L);
		assertThat(match.byAlias()).isTrue();
	}

	@Test
	void anUnknownSpellingGetsTheNearestNamesTheEventsDistrictFirst() {
		assertThat(matcher.resolve("«Балапан» бөбекжайы", 4L).outcome()).isEqualTo(NameMatcher.Outcome.UNKNOWN);
		assertThat(matcher.suggest("«Балапан» бөбекжайы", 4L, 3)).first().extracting(UnitOption::id).isEqualTo(42L);
		assertThat(matcher.suggest("Средняя школа №3", 14L, 3)).first().extracting(UnitOption::id).isEqualTo(141L);
		assertThat(matcher.suggest("Средняя школа №3", 4L, 3)).first().extracting(UnitOption::id).isEqualTo(41L);
		// the number tells schools apart: №5 is not offered before №3 for "№3"
		assertThat(matcher.suggest("Алгинская СШ №3", 4L, 3)).first().extracting(UnitOption::id).isEqualTo(41L);
		assertThat(matcher.suggest("Ромашка", 4L, 3)).isEmpty();
	}
}
