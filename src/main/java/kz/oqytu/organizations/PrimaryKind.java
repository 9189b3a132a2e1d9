package kz.oqytu.organizations;

/** What kind of education body a primary organization belongs to. */
public enum PrimaryKind {
	SCHOOL, KINDERGARTEN, COLLEGE, UNIVERSITY, EXTRACURRICULAR, MANAGEMENT, OTHER
}
