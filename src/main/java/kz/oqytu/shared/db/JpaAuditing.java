package kz.oqytu.shared.db;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * Spring Data's auditing for the entities written through forms (issue #21): {@code @CreatedDate}
 * and {@code @LastModifiedDate} are set from the union's clock (the {@link Clock} bean, which
 * {@code oqytu.clock.start} can move), as the entities' hand-written {@code @PrePersist} callbacks did.
 * Who changed a row stays the service's word ({@code updatedBy} from the acting account, also for
 * imports and jobs that run without a signed-in user).
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(dateTimeProviderRef = "unionDateTime")
class JpaAuditing {

	@Bean
	DateTimeProvider unionDateTime(Clock clock) {
		return () -> Optional.of(Instant.now(clock));
	}
}
