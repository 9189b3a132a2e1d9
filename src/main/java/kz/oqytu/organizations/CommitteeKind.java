package kz.oqytu.organizations;

/** A committee serves a district or a city. */
public enum CommitteeKind {
	DISTRICT, CITY
}
