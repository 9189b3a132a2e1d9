package kz.oqytu.accounts.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two requests of one session that add the same attribute (a double click: both set the flash
 * message, or both store the first CSRF token after sign-in) each read the session without it and
 * each insert it: Spring Session JDBC's plain INSERT made the second one a 500 (duplicate key on
 * spring_session_attributes_pk). Here the insert is an upsert, the last writer wins as it does for an
 * update, and an attribute of a session deleted meanwhile (ended by an administrator) is not inserted
 * at all, rather than failing the foreign key and aborting the rest of the save.
 *
 * <p>Spring Session's own {@code PostgreSqlJdbcIndexedSessionRepositoryCustomizer} has the upsert
 * but not the guard. Boot's customizer (table name, timeout) runs first, at the highest precedence;
 * it resets the queries, so this one must come after it, which the default order gives.
 */
@Configuration(proxyBeanMethods = false)
class SessionAttributeUpsert {

	static final String CREATE_SESSION_ATTRIBUTE_QUERY = """
			INSERT INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
			SELECT S.PRIMARY_ID, A.ATTRIBUTE_NAME, A.ATTRIBUTE_BYTES
			FROM (SELECT CAST(? AS CHAR(36)) AS PRIMARY_ID, CAST(? AS VARCHAR(200)) AS ATTRIBUTE_NAME,
					CAST(? AS BYTEA) AS ATTRIBUTE_BYTES) A
			JOIN %TABLE_NAME% S ON S.PRIMARY_ID = A.PRIMARY_ID
			ON CONFLICT (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
			DO UPDATE SET ATTRIBUTE_BYTES = EXCLUDED.ATTRIBUTE_BYTES
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertingSessionAttributes() {
		return repository -> repository.setCreateSessionAttributeQuery(CREATE_SESSION_ATTRIBUTE_QUERY);
	}
}
