package kz.oqytu.materials;

/** What kind of methodical material it is, as the resolution of 20.02.2026 names them. */
public enum MaterialType {
	CASE, RECOMMENDATION, COLLECTION, GUIDE, PRESENTATION, OTHER
}
