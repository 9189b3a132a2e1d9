package kz.oqytu.materials.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code oqytu.materials.max-file-size}: the largest material file accepted (default 20MB). The
 * servlet's multipart limits in application.yml must stay above it, so that a file a little too
 * large is refused with this limit's message rather than by the server.
 */
@ConfigurationProperties(prefix = "oqytu.materials")
record MaterialsProperties(DataSize maxFileSize) {

	MaterialsProperties {
		maxFileSize = maxFileSize == null || maxFileSize.toBytes() <= 0 ? DataSize.ofMegabytes(20) : maxFileSize;
	}
}
