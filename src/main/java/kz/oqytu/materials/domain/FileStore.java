package kz.oqytu.materials.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a version's file in PostgreSQL as bytea chunks of {@link #CHUNK_BYTES} and reads it back
 * one chunk at a time. Why chunks rather than one bytea value or a large object: the PostgreSQL
 * driver reads a bytea value whole into memory however it is asked for it, and a large object is
 * only readable inside a transaction held open for the whole download, pinning one of the pool's
 * few connections to a slow phone for minutes. A chunk is one short statement on a pooled
 * connection; versions never change, so chunks read in separate statements always fit together.
 */
@Component
class FileStore {

	static final int CHUNK_BYTES = 256 * 1024;

	private final JdbcClient jdbc;

	FileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the content as chunks of the version (in the caller's transaction) and checks it is
	 * the content that was inspected: the same size and SHA-256.
	 */
	void write(long versionId, InputStreamSource source, FileInspector.Inspected inspected, long maxBytes) {
		MessageDigest sha = FileInspector.sha256();
		long size = 0;
		int seq = 0;
		try (InputStream in = source.getInputStream()) {
			while (true) {
				byte[] chunk = in.readNBytes(CHUNK_BYTES);
				if (chunk.length == 0) {
					break;
				}
				size += chunk.length;
				if (size > maxBytes) {
					throw FileInspector.tooLarge(maxBytes);
				}
				sha.update(chunk);
				jdbc.sql("insert into material_file_chunk (version_id, seq, data) values (:version, :seq, :data)")
					.param("version", versionId)
					.param("seq", seq++)
					.param("data", chunk)
					.update();
				if (chunk.length < CHUNK_BYTES) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (size != inspected.size() || !HexFormat.of().formatHex(sha.digest()).equals(inspected.sha256())) {
			throw new IllegalStateException("the uploaded content changed between inspection and storage");
		}
	}

	/** The stored file of a version, read lazily chunk by chunk. */
	Resource read(long versionId, long size, int chunkSize, String filename) {
		return new ChunkedResource(jdbc, versionId, size, chunkSize, filename);
	}
}
