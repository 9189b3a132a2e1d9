package kz.oqytu.materials.web;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import kz.oqytu.materials.Materials;

/**
 * A material file larger than the multipart limit never reaches a controller: the request fails
 * while Spring reads its parts. Send the user back to the form they came from with the limit in
 * their language rather than an error page. Other uploads keep Spring's handling (413). Most such
 * uploads are answered earlier by {@link MaterialUploadLimit}, from their Content-Length.
 */
@ControllerAdvice
class MaterialUploadAdvice {

	private static final Pattern UPLOAD_FORMS = Pattern.compile("^/materials/(new|\\d+/versions/new)$");

	private final Materials materials;

	MaterialUploadAdvice(Materials materials) {
		this.materials = materials;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!"POST".equals(request.getMethod()) || !UPLOAD_FORMS.matcher(path).matches()) {
			// Rethrown, it goes on to Spring's default handling.
			throw ex;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		flash.put("flashError", "materials.error.fileTooLarge");
		flash.put("flashArgs", new Object[] { materials.maxFileBytes() / (1024 * 1024) });
		return "redirect:" + path;
	}
}
