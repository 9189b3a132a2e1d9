package kz.oqytu.accounts.domain;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.OqytuPrincipal;
import java.time.Clock;

@Component
class LastLoginRecorder {

	private final UserAccountRepository users;


	private final Clock clock;
	LastLoginRecorder(UserAccountRepository users, Clock clock) {
		this.clock = clock;
		this.users = users;
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof OqytuPrincipal principal) {
			users.touchLastLogin(principal.currentUser().id(), java.time.Instant.now(clock));
		}
	}
}
