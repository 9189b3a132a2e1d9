package kz.oqytu.materials.web;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;

import kz.oqytu.materials.MaterialCommand;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.MaterialFile;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialType;

/** A material's description; on creation also its file (version 1). */
record MaterialForm(
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String titleKk,
		@Size(max = 300, message = "{validation.tooLong}") String titleRu,
		@NotNull(message = "{validation.required}") MaterialType type,
		@NotNull(message = "{validation.required}") MaterialLanguage language,
		@Size(max = 4000, message = "{validation.tooLong}") String description,
		Set<String> topicCodes,
		Set<Long> eventIds,
		MultipartFile file,
		Integer version) {

	static MaterialForm empty() {
		return new MaterialForm(null, null, MaterialType.CASE, MaterialLanguage.KK_RU, null, Set.of(), Set.of(), null,
				null);
	}

	static MaterialForm of(MaterialDetails d) {
		return new MaterialForm(d.titleKk(), d.titleRu(), d.type(), d.language(), d.description(),
				new LinkedHashSet<>(d.topicCodes()), new LinkedHashSet<>(d.events().stream().map(e -> e.id()).toList()),
				null, d.version());
	}

	MaterialCommand command() {
		return new MaterialCommand(titleKk, titleRu, type, language, description, topicCodes, eventIds);
	}

	MaterialFile upload() {
		return upload(file);
	}

	static MaterialFile upload(MultipartFile file) {
		return file == null || file.isEmpty() ? null
				: new MaterialFile(file.getOriginalFilename(), file.getSize(), file);
	}

	Set<Long> chosenEvents() {
		return eventIds == null ? Set.of() : eventIds;
	}
}
