package kz.oqytu.organizations.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.oqytu.organizations.OrganizationCommand;
import kz.oqytu.organizations.OrganizationDetails;
import kz.oqytu.organizations.PrimaryKind;

record OrganizationForm(
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String nameKk,
		@Size(max = 300, message = "{validation.tooLong}") String nameRu,
		@NotNull(message = "{validation.required}") PrimaryKind kind,
		@NotNull(message = "{validation.required}") Long districtId,
		@Size(max = 500, message = "{validation.tooLong}") String address,
		@Size(max = 200, message = "{validation.tooLong}") String chairName,
		@Size(max = 50, message = "{validation.tooLong}") String chairPhone,
		@Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String chairEmail,
		Boolean active, Integer version) {

	static OrganizationForm empty() {
		return new OrganizationForm(null, null, PrimaryKind.SCHOOL, null, null, null, null, null, true, null);
	}

	static OrganizationForm of(OrganizationDetails d) {
		return new OrganizationForm(d.nameKk(), d.nameRu(), d.kind(), d.districtId(), d.address(), d.chairName(),
				d.chairPhone(), d.chairEmail(), d.active(), d.version());
	}

	OrganizationCommand command() {
		return new OrganizationCommand(nameKk, nameRu, kind, districtId, address, chairName, chairPhone, chairEmail,
				Boolean.TRUE.equals(active));
	}
}
