package kz.oqytu.surveys.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code oqytu.surveys.*}: the survey windows, the anonymity threshold, the abuse thresholds and
 * limits, and the keys of the public form.
 *
 * @param deviceKey signs device cookies and form tokens (any text of at least 32 characters); blank:
 * a random key drawn once and kept in the database, so that every instance signs alike
 * @param fingerprintSecret keys the hashes of address and browser; blank: derived from the device key
 * @param minFillTime a form sent sooner than this after it was opened is flagged (nobody reads and
 * answers the questions faster)
 * @param formTokenLifetime a form older than this is not taken: the page asks to send it again
 * @param addressFlagThreshold answers to one survey from one address within {@code addressWindow}
 * beyond which further ones are flagged; above what the largest hall gives
 * @param answersPerMinute answers one survey takes a minute, all instances together, before asking to wait
 * @param devicePostsPerMinute posts one device may make a minute, all instances together
 * @param answerConnections connections of the public answers' own pool, per instance (decision 0060)
 */
@ConfigurationProperties(prefix = "oqytu.surveys")
public record SurveyProperties(Duration postEventOpenFor, Integer followUpAfterDays, Integer followUpOpenDays,
		Integer anonymityThreshold, Integer deviceFlagThreshold, String fingerprintSecret, String deviceKey,
		Duration minFillTime, Duration formTokenLifetime, Integer addressFlagThreshold, Duration addressWindow,
		Integer answersPerMinute, Integer devicePostsPerMinute, Integer answerConnections) {

	public SurveyProperties {
		postEventOpenFor = postEventOpenFor == null ? Duration.ofDays(7) : postEventOpenFor;
		followUpAfterDays = followUpAfterDays == null ? 60 : followUpAfterDays;
		followUpOpenDays = followUpOpenDays == null ? 30 : followUpOpenDays;
		anonymityThreshold = anonymityThreshold == null ? 5 : anonymityThreshold;
		deviceFlagThreshold = deviceFlagThreshold == null ? 20 : deviceFlagThreshold;
		fingerprintSecret = fingerprintSecret == null || fingerprintSecret.isBlank() ? null : fingerprintSecret;
		deviceKey = deviceKey == null || deviceKey.isBlank() ? null : deviceKey;
		if (deviceKey != null && deviceKey.length() < 32) {
			throw new IllegalArgumentException("oqytu.surveys.device-key must have at least 32 characters");
		}
		minFillTime = minFillTime == null ? Duration.ofSeconds(5) : minFillTime;
		formTokenLifetime = formTokenLifetime == null ? Duration.ofHours(24) : formTokenLifetime;
		addressFlagThreshold = addressFlagThreshold == null ? 1000 : addressFlagThreshold;
		addressWindow = addressWindow == null ? Duration.ofMinutes(10) : addressWindow;
		answersPerMinute = answersPerMinute == null ? 1200 : answersPerMinute;
		devicePostsPerMinute = devicePostsPerMinute == null ? 20 : devicePostsPerMinute;
		// two cores' worth of PostgreSQL work at a time, and one waiting on the network
		answerConnections = answerConnections == null ? 5 : answerConnections;
		if (answerConnections < 1) {
			throw new IllegalArgumentException("oqytu.surveys.answer-connections must be at least 1");
		}
	}
}
