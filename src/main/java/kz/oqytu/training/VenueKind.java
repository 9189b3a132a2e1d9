package kz.oqytu.training;

/** Where an event takes place. On-site sessions are hosted by a primary organization. */
public enum VenueKind {
	COMMITTEE_PREMISES, ON_SITE, REGIONAL_OFFICE, ONLINE
}
