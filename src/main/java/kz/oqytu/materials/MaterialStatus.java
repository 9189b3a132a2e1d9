package kz.oqytu.materials;

/**
 * Materials and one primary organization, counted by material: how many were sent to it (any
 * version), how many its chair downloaded and acknowledged, and how many materials in circulation
 * for it (distributed at least once by a union body above it) it lacks the latest version of.
 */
public record MaterialStatus(long organizationId, long sent, long downloaded, long acknowledged, long missingLatest) {
}
