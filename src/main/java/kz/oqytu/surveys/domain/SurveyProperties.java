package kz.oqytu.surveys.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code oqytu.surveys.*}: the survey windows, the anonymity threshold, the abuse threshold and the
 * public address QR codes point to.
 */
@ConfigurationProperties(prefix = "oqytu.surveys")
public record SurveyProperties(Duration postEventOpenFor, Integer followUpAfterDays, Integer followUpOpenDays,
		Integer anonymityThreshold, Integer deviceFlagThreshold, String fingerprintSecret) {

	public SurveyProperties {
		postEventOpenFor = postEventOpenFor == null ? Duration.ofDays(7) : postEventOpenFor;
		followUpAfterDays = followUpAfterDays == null ? 60 : followUpAfterDays;
		followUpOpenDays = followUpOpenDays == null ? 30 : followUpOpenDays;
		anonymityThreshold = anonymityThreshold == null ? 5 : anonymityThreshold;
		deviceFlagThreshold = deviceFlagThreshold == null ? 20 : deviceFlagThreshold;
		fingerprintSecret = fingerprintSecret == null || fingerprintSecret.isBlank() ? "oqytu-fingerprint"
				: fingerprintSecret;
	}
}
