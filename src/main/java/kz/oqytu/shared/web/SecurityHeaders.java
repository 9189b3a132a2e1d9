package kz.oqytu.shared.web;

/**
 * The protective headers' values, in one place: the security filter chains set them on every
 * answer, and the database-outage page (written before those filters) sets the same ones.
 */
public final class SecurityHeaders {

	/**
	 * No inline or foreign scripts, no inline styles: style attributes and {@code <style>} blocks are
	 * refused (styles set through the CSSOM by Bootstrap's and Chart.js's scripts are not affected).
	 */
	public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	private SecurityHeaders() {
	}
}
