package kz.oqytu.web;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * Server errors get a short reference id: the page shows it, the log holds it with the stack trace,
 * so support can find one from the other. Nothing of the exception reaches the page.
 */
@Component
class ReferencedErrorAttributes extends DefaultErrorAttributes {

	private static final Logger log = LoggerFactory.getLogger(ReferencedErrorAttributes.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(request, options);
		Object status = attributes.get("status");
		if (status instanceof Integer code && code >= 500) {
			byte[] bytes = new byte[4];
			RANDOM.nextBytes(bytes);
			String reference = HexFormat.of().formatHex(bytes).toUpperCase();
			attributes.put("reference", reference);
			Throwable error = getError(request);
			log.error("Request failed, reference {} ({} {})", reference, status, attributes.get("path"), error);
		}
		attributes.remove("trace");
		attributes.remove("message");
		attributes.remove("exception");
		attributes.remove("errors");
		return attributes;
	}
}
