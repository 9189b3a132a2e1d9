package kz.oqytu.materials.domain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.springframework.core.io.InputStreamSource;

import kz.oqytu.materials.FileType;
import kz.oqytu.shared.BusinessRuleException;

/**
 * Decides what an uploaded file is from its bytes, whatever its name or declared type: a PDF
 * starts with "%PDF-"; a DOCX, PPTX or XLSX is a ZIP holding [Content_Types].xml and exactly one
 * of word/document.xml, ppt/presentation.xml, xl/workbook.xml. The archive is walked with limits
 * (entries, inflated bytes) before anything else reads it, and macro-enabled files are refused.
 * Reads the content once, as a stream, and measures its size and SHA-256 on the way.
 */
final class FileInspector {

	static final long MAX_ENTRY_BYTES = 128L * 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

	static final int MAX_ENTRIES = 10_000;

	static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

	private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	static final String FIELD = "file";

	private FileInspector() {
	}

	/** What the inspection found: the type, and the size and SHA-256 (hex) of the bytes read. */
	record Inspected(FileType type, long size, String sha256) {
	}

	static Inspected inspect(InputStreamSource source, long maxBytes) {
		try (InputStream raw = source.getInputStream()) {
			MessageDigest sha = sha256();
			LimitedInputStream limited = new LimitedInputStream(raw, maxBytes);
			DigestInputStream digested = new DigestInputStream(limited, sha);
			BufferedInputStream in = new BufferedInputStream(digested, 64 * 1024);
			in.mark(16);
			byte[] head = in.readNBytes(8);
			in.reset();
			if (head.length == 0) {
				throw new BusinessRuleException(FIELD, "materials.error.fileRequired");
			}
			FileType type;
			if (startsWith(head, PDF)) {
				type = FileType.PDF;
			}
			else if (startsWith(head, ZIP)) {
				type = office(in);
			}
			else {
				throw new BusinessRuleException(FIELD, "materials.error.fileType");
			}
			// The archive walk stops at the central directory; the rest still counts and is hashed.
			digested.transferTo(OutputStream.nullOutputStream());
			return new Inspected(type, limited.count(), HexFormat.of().formatHex(sha.digest()));
		}
		catch (TooLargeException ex) {
			throw tooLarge(maxBytes);
		}
		catch (IOException ex) {
			throw new BusinessRuleException(FIELD, "materials.error.fileMalformed");
		}
	}

	static BusinessRuleException tooLarge(long maxBytes) {
		return new BusinessRuleException(FIELD, "materials.error.fileTooLarge", maxBytes / (1024 * 1024));
	}

	private static FileType office(InputStream in) throws IOException {
		Set<String> names = new HashSet<>();
		boolean contentTypes = false;
		boolean macroEnabled = false;
		long total = 0;
		byte[] buffer = new byte[16 * 1024];
		// Not closed: closing would close the stream the caller still drains and hashes.
		ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
		try {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				if (names.size() >= MAX_ENTRIES) {
					throw new BusinessRuleException(FIELD, "materials.error.fileTooComplex");
				}
				String name = entry.getName();
				if (!names.add(name)) {
					// Two entries of one name: readers would disagree on which one is the document.
					throw new BusinessRuleException(FIELD, "materials.error.fileMalformed");
				}
				String lower = name.toLowerCase(Locale.ROOT);
				if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")) {
					throw new BusinessRuleException(FIELD, "materials.error.fileMacros");
				}
				boolean isContentTypes = name.equals("[Content_Types].xml");
				StringBuilder text = isContentTypes ? new StringBuilder() : null;
				long size = 0;
				int read;
				while ((read = zip.read(buffer)) > 0) {
					size += read;
					total += read;
					if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
						throw new BusinessRuleException(FIELD, "materials.error.fileTooComplex");
					}
					if (text != null) {
						if (size > MAX_CONTENT_TYPES_BYTES) {
							throw new BusinessRuleException(FIELD, "materials.error.fileTooComplex");
						}
						text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
					}
				}
				if (text != null) {
					contentTypes = true;
					String declared = text.toString().toLowerCase(Locale.ROOT);
					// A .docm/.pptm/.xlsm renamed: its main part is declared macro-enabled.
					macroEnabled = declared.contains("macroenabled") || declared.contains("vbaproject");
				}
			}
		}
		catch (IllegalArgumentException | java.util.zip.ZipException ex) {
			throw new BusinessRuleException(FIELD, "materials.error.fileMalformed");
		}
		if (macroEnabled) {
			throw new BusinessRuleException(FIELD, "materials.error.fileMacros");
		}
		boolean word = names.contains("word/document.xml");
		boolean slides = names.contains("ppt/presentation.xml");
		boolean workbook = names.contains("xl/workbook.xml");
		int parts = (word ? 1 : 0) + (slides ? 1 : 0) + (workbook ? 1 : 0);
		if (!contentTypes || parts != 1) {
			throw new BusinessRuleException(FIELD, "materials.error.fileType");
		}
		return word ? FileType.DOCX : slides ? FileType.PPTX : FileType.XLSX;
	}

	private static boolean startsWith(byte[] head, byte[] prefix) {
		if (head.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (head[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** More bytes than the limit allows. */
	static final class TooLargeException extends IOException {

		TooLargeException() {
			super("file larger than the limit");
		}
	}

	/** Counts what passes and fails as soon as it passes the limit, whatever size was declared. */
	static final class LimitedInputStream extends InputStream {

		private final InputStream in;

		private final long limit;

		private long count;

		LimitedInputStream(InputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(long n) throws TooLargeException {
			count += n;
			if (count > limit) {
				throw new TooLargeException();
			}
		}

		@Override
		public void close() throws IOException {
			in.close();
		}
	}
}
