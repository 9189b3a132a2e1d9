package kz.oqytu.requests;

/** Where a topic request stands; the chair sees it, with the reason when declined. */
public enum RequestStatus {
	SUBMITTED, PLANNED, HELD, DECLINED
}
