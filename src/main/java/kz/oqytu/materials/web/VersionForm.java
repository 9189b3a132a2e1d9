package kz.oqytu.materials.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

/** A new version: its file and what changed; {@code version} is the material's as read. */
record VersionForm(@Size(max = 1000, message = "{validation.tooLong}") String note, MultipartFile file,
		@NotNull(message = "{validation.required}") Integer version) {
}
