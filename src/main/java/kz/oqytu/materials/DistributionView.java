package kz.oqytu.materials;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import kz.oqytu.shared.LocalizedText;

/**
 * One sending of a version: its date and note, to whom (every organization in scope, the named
 * districts, chosen organizations) and how many organizations it newly reached.
 */
public record DistributionView(long id, long versionId, int versionNumber, LocalDate sentOn, String note,
		DistributionTarget target, List<LocalizedText> districts, int recipients, String sentBy, Instant createdAt) {
}
