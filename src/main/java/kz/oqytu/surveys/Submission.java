package kz.oqytu.surveys;

import java.util.List;
import java.util.Map;

/**
 * A posted public form as it arrived: the device cookie and form token as sent (unverified), what
 * the request says of its sender (only ever kept as keyed hashes), the answers by field name and the
 * key the browser drew for this answer (null when none: a browser without JavaScript), which makes a
 * repeated sending of the same answer store it once.
 */
public record Submission(String deviceCookie, String formToken, String address, String userAgent,
		String acceptLanguage, Map<String, List<String>> answers, String submissionKey) {

	public Submission(String deviceCookie, String formToken, String address, String userAgent, String acceptLanguage,
			Map<String, List<String>> answers) {
		this(deviceCookie, formToken, address, userAgent, acceptLanguage, answers, null);
	}
}
