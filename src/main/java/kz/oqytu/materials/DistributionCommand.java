package kz.oqytu.materials;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Send a version: on a date, with a note, to every active primary organization in the sender's
 * scope ({@link DistributionTarget#ALL}), to those of chosen district and city committees, or to
 * chosen organizations given by id and/or by name (Kazakh or Russian, as in the registry).
 */
public record DistributionCommand(long versionId, LocalDate sentOn, String note, DistributionTarget target,
		Set<Long> districtIds, Set<Long> organizationIds, List<String> organizationNames) {

	public DistributionCommand {
		districtIds = districtIds == null ? Set.of() : Set.copyOf(districtIds);
		organizationIds = organizationIds == null ? Set.of() : Set.copyOf(organizationIds);
		organizationNames = organizationNames == null ? List.of() : List.copyOf(organizationNames);
	}
}
