package kz.oqytu.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bulk chair list's phone column takes numbers as people write them and refuses what is no number. */
class ChairPhoneTests {

	@Test
	void numbersAsPeopleWriteThemPassAndTheRestIsRefused() {
		assertThat(ChairInvitations.looksLikePhone("+7 701 234 56 78")).isTrue();
		assertThat(ChairInvitations.looksLikePhone("8 (7132) 55-12-34")).isTrue();
		assertThat(ChairInvitations.looksLikePhone("87012345678")).isTrue();
		assertThat(ChairInvitations.looksLikePhone("8.701.234.56.78")).isTrue();
		assertThat(ChairInvitations.looksLikePhone("12")).isFalse();
		assertThat(ChairInvitations.looksLikePhone("abc")).isFalse();
		assertThat(ChairInvitations.looksLikePhone("phone?")).isFalse();
		assertThat(ChairInvitations.looksLikePhone("+7 701 234 56 78 ext 5")).isFalse();
		assertThat(ChairInvitations.looksLikePhone("1234567890123456")).isFalse();
	}
}
