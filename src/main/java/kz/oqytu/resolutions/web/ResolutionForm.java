package kz.oqytu.resolutions.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.resolutions.ResolutionCommand;
import kz.oqytu.resolutions.ResolutionView;

/** An executive-committee resolution as typed from the signed document. */
record ResolutionForm(
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adoptedOn,
		@NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}") String number,
		@Size(max = 20, message = "{validation.tooLong}") String item,
		@Size(max = 500, message = "{validation.tooLong}") String titleKk,
		@Size(max = 500, message = "{validation.tooLong}") String titleRu,
		@Size(max = 20000, message = "{validation.tooLong}") String body,
		@Size(max = 300, message = "{validation.tooLong}") String controlBy,
		Integer version) {

	static ResolutionForm empty(LocalDate today) {
		return new ResolutionForm(today, null, null, null, null, null, null, null);
	}

	static ResolutionForm of(ResolutionView r) {
		return new ResolutionForm(r.adoptedOn(), r.number(), r.item(), r.titleKk(), r.titleRu(), r.body(), r.controlBy(),
				r.version());
	}

	ResolutionCommand command() {
		return new ResolutionCommand(adoptedOn, number, item, titleKk, titleRu, body, controlBy);
	}
}
