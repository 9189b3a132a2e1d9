package kz.oqytu.materials.domain;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stored file as a {@link org.springframework.core.io.Resource}: its stream fetches one chunk
 * per statement as it is read, and skips whole chunks without reading them, so Spring MVC can
 * write it out (and answer Range requests of an interrupted download) holding one chunk at a time.
 * Statements run outside any transaction, each on a connection borrowed from the pool and given
 * back at once, never for the duration of the download.
 */
final class ChunkedResource extends AbstractResource {

	private final JdbcClient jdbc;

	private final long versionId;

	private final long size;

	private final int chunkSize;

	private final String filename;

	ChunkedResource(JdbcClient jdbc, long versionId, long size, int chunkSize, String filename) {
		this.jdbc = jdbc;
		this.versionId = versionId;
		this.size = size;
		this.chunkSize = chunkSize;
		this.filename = filename;
	}

	@Override
	public InputStream getInputStream() {
		return new ChunkInputStream();
	}

	@Override
	public long contentLength() {
		return size;
	}

	@Override
	public boolean exists() {
		return true;
	}

	@Override
	public boolean isReadable() {
		return true;
	}

	@Override
	public String getFilename() {
		return filename;
	}

	@Override
	public String getDescription() {
		return "material version " + versionId + " (" + size + " bytes)";
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ChunkedResource r && r.versionId == versionId;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(versionId);
	}

	private byte[] chunk(int seq) throws IOException {
		byte[] data = jdbc.sql("select data from material_file_chunk where version_id = :version and seq = :seq")
			.param("version", versionId)
			.param("seq", seq)
			.query((rs, n) -> rs.getBytes("data"))
			.optional()
			.orElseThrow(() -> new IOException("chunk " + seq + " of version " + versionId + " is missing"));
		long expected = Math.min(chunkSize, size - (long) seq * chunkSize);
		if (data.length != expected) {
			throw new IOException("chunk " + seq + " of version " + versionId + " has " + data.length + " bytes");
		}
		return data;
	}

	/** Reads the chunks in order; {@code position} is the offset in the whole file. */
	private final class ChunkInputStream extends InputStream {

		private long position;

		private byte[] current;

		private int currentSeq = -1;

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			int n = read(one, 0, 1);
			return n < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			if (len == 0) {
				return 0;
			}
			if (position >= size) {
				return -1;
			}
			int seq = (int) (position / chunkSize);
			if (seq != currentSeq) {
				current = chunk(seq);
				currentSeq = seq;
			}
			int offset = (int) (position - (long) seq * chunkSize);
			int n = Math.min(len, current.length - offset);
			System.arraycopy(current, offset, b, off, n);
			position += n;
			return n;
		}

		@Override
		public long skip(long n) {
			if (n <= 0) {
				return 0;
			}
			long skipped = Math.min(n, size - position);
			position += skipped;
			return skipped;
		}

		@Override
		public int available() {
			if (current == null || position >= size) {
				return 0;
			}
			long end = Math.min((long) (currentSeq + 1) * chunkSize, size);
			return (int) Math.max(0, end - position);
		}

		@Override
		public void close() {
			current = null;
		}
	}
}
