package kz.oqytu.surveys.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTests {

	@Test
	void aTokenIsSixteenToThirtyTwoUrlSafeBase64Characters() {
		assertThat(Tokens.looksLikeToken("AAAAAAAAAAAAAAAAAAAAAA")).isTrue();
		assertThat(Tokens.looksLikeToken("aZ09_-aZ09_-aZ09")).isTrue();
		assertThat(Tokens.looksLikeToken("a".repeat(32))).isTrue();
		assertThat(Tokens.looksLikeToken("a".repeat(15))).isFalse();
		assertThat(Tokens.looksLikeToken("a".repeat(33))).isFalse();
		assertThat(Tokens.looksLikeToken("AAAAAAAAAAAAAAAAAAAAA/")).isFalse();
		assertThat(Tokens.looksLikeToken("AAAAAAAAAAAAAAAAAAAA+=")).isFalse();
		assertThat(Tokens.looksLikeToken("AAAAAAAAAAAAAAAAAAAAAé")).isFalse();
		assertThat(Tokens.looksLikeToken(null)).isFalse();
	}
}
