package kz.oqytu.training.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code oqytu.training.short-format-max-days}: an event that lasts this many calendar days or
 * fewer is a "short format" (default 1: one day or less).
 */
@ConfigurationProperties(prefix = "oqytu.training")
record TrainingProperties(Integer shortFormatMaxDays) {

	TrainingProperties {
		shortFormatMaxDays = shortFormatMaxDays == null || shortFormatMaxDays < 1 ? 1 : shortFormatMaxDays;
	}
}
