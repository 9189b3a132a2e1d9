package kz.oqytu.accounts.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a chosen password meets: length, not common, not simple, not the username. */
class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesTheProbesPasswordsAsTooShortOrCommon() {
		assertThat(policy.problem("12345678", "aigerim")).contains(PasswordPolicy.TOO_SHORT_OR_LONG);
		assertThat(policy.problem("password1234", "aigerim")).contains(PasswordPolicy.COMMON);
		assertThat(policy.problem("qwertyuiop12", "aigerim")).contains(PasswordPolicy.COMMON);
		assertThat(policy.problem("QwertyUiop12", "aigerim")).as("case does not matter").contains(PasswordPolicy.COMMON);
	}

	@Test
	void refusesACommonWordWithDigitsOrSignsAroundIt() {
		assertThat(policy.problem("superman2026!", "aigerim")).contains(PasswordPolicy.COMMON);
		assertThat(policy.problem("Kazakhstan2025", "aigerim")).contains(PasswordPolicy.COMMON);
		assertThat(policy.problem("Қазақстан2025!", "aigerim")).contains(PasswordPolicy.COMMON);
	}

	@Test
	void aWordTypedWithTheOtherKeyboardLayoutIsTheSameWord() {
		// "мектеп" typed with the Latin layout on, and "qwerty" typed with the Cyrillic one.
		assertThat(policy.problem("vtrntg2026!!", "aigerim")).contains(PasswordPolicy.COMMON);
		assertThat(policy.problem("йцукен12345678", "aigerim")).contains(PasswordPolicy.COMMON);
	}

	@Test
	void refusesKeyRunsAndRepeats() {
		assertThat(policy.problem("123456789012", "aigerim")).contains(PasswordPolicy.SIMPLE);
		assertThat(policy.problem("aaaaaaaaaaaaaaa", "aigerim")).contains(PasswordPolicy.SIMPLE);
		assertThat(policy.problem("abababababab", "aigerim")).contains(PasswordPolicy.SIMPLE);
		assertThat(policy.problem("asdfghjklzxc", "aigerim")).contains(PasswordPolicy.SIMPLE);
	}

	@Test
	void refusesAPasswordContainingTheUsername() {
		assertThat(policy.problem("Aigerim-the-teacher", "aigerim")).contains(PasswordPolicy.CONTAINS_USERNAME);
	}

	@Test
	void refusesMoreThan128Characters() {
		assertThat(policy.problem("жаз ".repeat(33), "aigerim")).contains(PasswordPolicy.TOO_SHORT_OR_LONG);
	}

	@Test
	void acceptsALongPassphraseInAnyLanguage() {
		assertThat(policy.problem("Менің құпия сөзім өте ұзақ әрі берік еді!", "aigerim")).isEmpty();
		assertThat(policy.problem("tulpar jetisu kok tobe", "aigerim")).isEmpty();
		assertThat(policy.problem("Ёлка у окна 1987", "aigerim")).isEmpty();
	}

	@Test
	void countsCharactersNotBytes() {
		// Twelve Kazakh letters are 24 bytes; eleven are too few however many bytes they take.
		assertThat(policy.problem("әіңғүұқөһәің", "aigerim")).isEmpty();
		assertThat(policy.problem("әіңғүұқөһәі", "aigerim")).contains(PasswordPolicy.TOO_SHORT_OR_LONG);
	}
}
