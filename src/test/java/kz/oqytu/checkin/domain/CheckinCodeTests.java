package kz.oqytu.checkin.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The short code as people type it from a screen, and the region an event's names are matched in. */
class CheckinCodeTests {

	@Test
	void aCodeIsForgivenItsCaseSpacesAndDashesButNotLookAlikes() {
		assertThat(CheckinService.normalizedCode(" ab2c-d3ef ")).contains("AB2CD3EF");
		assertThat(CheckinService.normalizedCode("AB2C D3EF")).contains("AB2CD3EF");
		assertThat(CheckinService.normalizedCode("AB2CD3E0")).as("a zero is no letter of the code").isEmpty();
		assertThat(CheckinService.normalizedCode("AB2CD3EI")).isEmpty();
		assertThat(CheckinService.normalizedCode("AB2CD3E")).isEmpty();
		assertThat(CheckinService.normalizedCode("AB2CD3EFG")).isEmpty();
		assertThat(CheckinService.normalizedCode(null)).isEmpty();
		assertThat(CheckinService.normalizedCode("АВ2СD3ЕF")).as("Cyrillic look-alikes").isEmpty();
	}

	@Test
	void namesAreMatchedAcrossTheOrganizersRegion() {
		assertThat(CheckinService.regionPath("/1/2/15/")).isEqualTo("/1/2/");
		assertThat(CheckinService.regionPath("/1/2/")).isEqualTo("/1/2/");
		assertThat(CheckinService.regionPath("/1/")).isEqualTo("/1/");
	}
}
