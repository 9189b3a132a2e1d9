package kz.oqytu.certificates.domain;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Certificate codes are 128 random bits, base64url: 22 characters, none repeated. */
class CertificateCodeTests {

	@Test
	void codesAre22Base64UrlCharactersAndDoNotRepeat() {
		Set<String> codes = new HashSet<>();
		for (int n = 0; n < 10_000; n++) {
			codes.add(CertificateService.newCode());
		}
		assertThat(codes).hasSize(10_000).allMatch(c -> c.matches("[A-Za-z0-9_-]{22}"));
		// 16 random bytes: the last character carries only 2 bits (a multiple of 16 in the alphabet)
		assertThat(codes).allMatch(c -> "AQgw".indexOf(c.charAt(21)) >= 0);
	}
}
