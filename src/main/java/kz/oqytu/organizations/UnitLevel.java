package kz.oqytu.organizations;

/** Levels of the union tree, from the top. */
public enum UnitLevel {
	NATIONAL, REGION, COMMITTEE, PRIMARY
}
