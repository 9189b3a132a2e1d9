package kz.oqytu.training;

/** A named participant to add: the organization is given by id (resolved from its name by the caller). */
public record ParticipantCommand(String fullName, long organizationId, String categoryCode, String position) {
}
