package kz.oqytu.materials;

/** Whom a distribution goes to: every primary organization in scope, chosen districts, chosen organizations. */
public enum DistributionTarget {
	ALL, DISTRICTS, ORGANIZATIONS
}
