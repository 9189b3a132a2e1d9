package kz.oqytu.reports.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The short-format threshold is the training module's setting; reports reads the same key. */
@ConfigurationProperties(prefix = "oqytu.training")
record ReportsProperties(Integer shortFormatMaxDays) {

	ReportsProperties {
		shortFormatMaxDays = shortFormatMaxDays == null || shortFormatMaxDays < 1 ? 1 : shortFormatMaxDays;
	}
}
