package kz.oqytu.surveys;

/** QR codes of survey addresses, as PNG (cached) or SVG. */
public interface QrCodes {

	int MIN_SIZE = 120;

	int MAX_SIZE = 1200;

	int DEFAULT_SIZE = 400;

	byte[] png(String text, int size);

	String svg(String text);

	static int boundedSize(Integer requested) {
		if (requested == null) {
			return DEFAULT_SIZE;
		}
		return Math.max(MIN_SIZE, Math.min(MAX_SIZE, requested));
	}
}
