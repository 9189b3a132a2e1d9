package testonly;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route that always fails, for the error-page test only. It lives outside kz.oqytu so component
 * scanning never adds it to other tests' application contexts; tests import it explicitly.
 */
@RestController
public class FailingController {

	@GetMapping("/test-only/boom")
	@PreAuthorize("permitAll()")
	String boom() {
		throw new IllegalStateException("secret detail");
	}
}
