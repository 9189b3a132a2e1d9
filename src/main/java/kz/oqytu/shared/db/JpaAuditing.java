package kz.oqytu.shared.db;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.data.auditing.AuditingHandler;
import org.springframework.data.jpa.mapping.JpaMetamodelMappingContext;
import org.springframework.data.mapping.context.PersistentEntities;
import org.springframework.stereotype.Component;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

/**
 * Spring Data's auditing for the entities written through forms (issue #21): their
 * {@code @CreatedDate} and {@code @LastModifiedDate} fields are set by Spring Data's
 * {@link AuditingHandler}, on the union's clock (the {@link Clock} bean, which {@code oqytu.clock.start}
 * can move), as 14 hand-written {@code @PrePersist} callbacks did. An entity takes part with
 * {@code @EntityListeners(JpaAuditing.Listener.class)}.
 *
 * <p>Not {@code @EnableJpaAuditing}: Spring Data JPA's {@code AuditingEntityListener} is configured
 * through spring-aspects ({@code @Configurable}), a 2 MB weaver the application does not otherwise
 * need. The listener here calls the same handler, handed over as {@code UnionClock} hands its clock to
 * code that JPA, not Spring, creates. Who changed a row stays the service's word ({@code updatedBy}
 * from the acting account, also for imports and jobs without a signed-in user).
 */
@Component
public class JpaAuditing {

	private static volatile AuditingHandler handler;

	JpaAuditing(JpaMetamodelMappingContext jpaMappingContext, Clock clock) {
		AuditingHandler h = new AuditingHandler(PersistentEntities.of(jpaMappingContext));
		h.setDateTimeProvider(() -> Optional.of(Instant.now(clock)));
		h.setModifyOnCreation(true);
		handler = h;
	}

	/** The JPA entity listener: marks an entity created before its insert, modified before its update. */
	public static class Listener {

		@PrePersist
		void created(Object entity) {
			auditing().markCreated(entity);
		}

		@PreUpdate
		void modified(Object entity) {
			auditing().markModified(entity);
		}

		private static AuditingHandler auditing() {
			AuditingHandler h = handler;
			if (h == null) {
				throw new IllegalStateException("JPA auditing used before the application context made its handler");
			}
			return h;
		}
	}
}
