package kz.oqytu.certificates;

import java.util.Optional;

/** The certificates module's API for other modules: what a code verifies (no account needed). */
public interface Certificates {

	/** The certificate in force under the code; empty for an unknown, malformed or revoked code. */
	Optional<CertificateCheck> verify(String code);
}
