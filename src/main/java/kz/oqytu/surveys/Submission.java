package kz.oqytu.surveys;

import java.util.List;
import java.util.Map;

/**
 * A posted public form as it arrived: the device cookie and form token as sent (unverified), what
 * the request says of its sender (only ever kept as keyed hashes) and the answers by field name.
 */
public record Submission(String deviceCookie, String formToken, String address, String userAgent,
		String acceptLanguage, Map<String, List<String>> answers) {
}
