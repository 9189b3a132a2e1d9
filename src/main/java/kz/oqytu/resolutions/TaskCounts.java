package kz.oqytu.resolutions;

/** Tasks of the resolutions in a scope by status, and how many are overdue. */
public record TaskCounts(int total, int notStarted, int inProgress, int done, int overdue) {
}
