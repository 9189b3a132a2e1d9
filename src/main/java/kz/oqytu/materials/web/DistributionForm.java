package kz.oqytu.materials.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.materials.DistributionCommand;
import kz.oqytu.materials.DistributionTarget;

/**
 * Sending a version: to everyone in scope, to chosen district and city committees, or to chosen
 * organizations typed (or pasted from a list) one name per line, as the registry spells them.
 */
record DistributionForm(@NotNull(message = "{validation.required}") Long versionId,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentOn,
		@Size(max = 1000, message = "{validation.tooLong}") String note,
		@NotNull(message = "{validation.required}") DistributionTarget target, Set<Long> districtIds,
		@Size(max = 100_000, message = "{validation.tooLong}") String organizations) {

	static DistributionForm of(long latestVersionId, LocalDate today) {
		return new DistributionForm(latestVersionId, today, null, DistributionTarget.ALL, Set.of(), null);
	}

	DistributionCommand command() {
		return new DistributionCommand(versionId, sentOn, note, target, target == DistributionTarget.DISTRICTS ? districtIds : Set.of(),
				Set.of(), target == DistributionTarget.ORGANIZATIONS ? names() : List.of());
	}

	private List<String> names() {
		return organizations == null ? List.of()
				: Arrays.stream(organizations.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	public Set<Long> chosenDistricts() {
		return districtIds == null ? Set.of() : districtIds;
	}
}
