package kz.oqytu.materials;

/** What a distribution did: organizations newly sent the version, and those that already had it. */
public record Distributed(long distributionId, int recipients, int alreadyHad) {
}
