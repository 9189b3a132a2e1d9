package kz.oqytu.organizations.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A regional organization's names (issue #17: an administrator adds a region in the UI). */
record RegionForm(
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String nameKk,
		@Size(max = 300, message = "{validation.tooLong}") String nameRu) {
}
