package kz.oqytu.shared.upload;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.time.Clock;

/**
 * Holds an uploaded file between its preview and its commit, in PostgreSQL so that any instance
 * can finish the import. Only the uploader can read it back; rows older than a day are purged.
 */
@Component
public class UploadStore {

	private static final Duration KEEP = Duration.ofDays(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	public UploadStore(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional
	public UUID save(String kind, String owner, String filename, byte[] content) {
		jdbc.sql("delete from upload_staging where created_at < :before")
			.param("before", OffsetDateTime.now(clock).minus(KEEP))
			.update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into upload_staging (id, kind, owner, filename, content) values (:id, :kind, :owner, :filename, :content)")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("filename", filename == null ? "upload.xlsx" : filename)
			.param("content", content)
			.update();
		return id;
	}

	@Transactional(readOnly = true)
	public Optional<Upload> find(UUID id, String kind, String owner) {
		return jdbc.sql("select filename, content from upload_staging where id = :id and kind = :kind and owner = :owner")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.query((rs, n) -> new Upload(id, rs.getString("filename"), rs.getBytes("content")))
			.optional();
	}

	@Transactional
	public void delete(UUID id) {
		jdbc.sql("delete from upload_staging where id = :id").param("id", id).update();
	}

	/** An uploaded file waiting for its commit. */
	public record Upload(UUID id, String filename, byte[] content) {
	}
}
