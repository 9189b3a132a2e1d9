package kz.oqytu.surveys;

/** Where a response came from: the phone form (QR code, link or short code) or a paper sheet typed in by staff. */
public enum ResponseSource {
	QR, PAPER
}
