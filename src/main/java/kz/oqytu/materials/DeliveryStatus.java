package kz.oqytu.materials;

/** How far a version sent to an organization got: sent, downloaded by its chair, acknowledged. */
public enum DeliveryStatus {
	SENT, DOWNLOADED, ACKNOWLEDGED
}
