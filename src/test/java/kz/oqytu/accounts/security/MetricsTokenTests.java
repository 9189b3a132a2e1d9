package kz.oqytu.accounts.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The metrics token's rules (decision 26): no token configured keeps the endpoints closed to every
 * header; a short token stops the start; only the exact token after "Bearer " counts.
 */
class MetricsTokenTests {

	static final String TOKEN = "0123456789abcdef0123456789abcdef-metrics";

	@Test
	void withNoTokenConfiguredNothingOpensTheMetrics() {
		for (String configured : new String[] { "", "   ", null }) {
			MetricsSecurityConfig.BearerTokenFilter filter = new MetricsSecurityConfig.BearerTokenFilter(configured);
			assertThat(filter.matches(null)).isFalse();
			assertThat(filter.matches("Bearer ")).isFalse();
			assertThat(filter.matches("Bearer")).isFalse();
			assertThat(filter.matches("Bearer " + configured)).isFalse();
			assertThat(filter.matches("Bearer " + TOKEN)).isFalse();
		}
	}

	@Test
	void onlyTheExactTokenAfterBearerCounts() {
		MetricsSecurityConfig.BearerTokenFilter filter = new MetricsSecurityConfig.BearerTokenFilter(TOKEN);
		assertThat(filter.matches("Bearer " + TOKEN)).isTrue();
		assertThat(filter.matches("bearer " + TOKEN)).as("the scheme is case-insensitive (RFC 7235)").isTrue();
		assertThat(filter.matches("Bearer " + TOKEN.toUpperCase())).isFalse();
		assertThat(filter.matches("Bearer " + TOKEN + "0")).isFalse();
		assertThat(filter.matches("Bearer " + TOKEN.substring(0, TOKEN.length() - 1))).isFalse();
		assertThat(filter.matches("Basic " + TOKEN)).isFalse();
		assertThat(filter.matches(TOKEN)).isFalse();
		assertThat(filter.matches(null)).isFalse();
	}

	@Test
	void aShortTokenStopsTheStart() {
		assertThatThrownBy(() -> new MetricsSecurityConfig.BearerTokenFilter("too-short-a-token"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("OQYTU_METRICS_TOKEN")
			.hasMessageContaining("32");
	}
}
