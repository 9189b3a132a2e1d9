package kz.oqytu.checkin;

/** Where an entry stands: waiting, added to the named list, merged with a person on it, or rejected. */
public enum EntryStatus {
	NEW, CONFIRMED, MERGED, REJECTED
}
