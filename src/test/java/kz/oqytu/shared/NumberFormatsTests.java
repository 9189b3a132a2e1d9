package kz.oqytu.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberFormatsTests {

	@Test
	void thousandsAreSeparatedByASpaceInKazakhAndRussian() {
		assertThat(NumberFormats.count(33_557, Locale.forLanguageTag("kk"))).isEqualTo("33 557");
		assertThat(NumberFormats.count(1_234_567, Locale.forLanguageTag("ru"))).isEqualTo("1 234 567");
		assertThat(NumberFormats.count(614, Locale.forLanguageTag("ru"))).isEqualTo("614");
		assertThat(NumberFormats.count(33_557, Locale.ENGLISH)).isEqualTo("33,557");
	}

	@Test
	void moneyHasTwoDecimalsWithAComma() {
		assertThat(NumberFormats.money(new BigDecimal("1234567.8"), Locale.forLanguageTag("kk"))).isEqualTo("1 234 567,80");
	}

	@Test
	void datesAreDayMonthYear() {
		assertThat(NumberFormats.date(LocalDate.of(2026, 1, 1))).isEqualTo("01.01.2026");
	}
}
