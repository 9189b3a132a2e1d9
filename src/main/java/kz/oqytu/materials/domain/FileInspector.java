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
 * (entries, inflated bytes) before anything else reads it, and macro-enabled files are refused:
 * a macro project by its name (also percent-encoded), by a relationship of the macro type, or by
 * its content (an OLE file holding a {@code _VBA_PROJECT} stream) whatever it is called. PDFs with
 * scripts or automatic actions are refused by {@link PdfInspector}.
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
				// Read whole (within the size limit, counted and hashed on the way) to be parsed.
				PdfInspector.refuseActiveContent(in.readAllBytes());
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
				// Part names are URIs: "vba%50roject.bin" is the same part as "vbaProject.bin".
				String lower = percentDecoded(name).toLowerCase(Locale.ROOT);
				if (lower.endsWith("vbaproject.bin") || lower.endsWith("vbadata.xml")
						|| lower.endsWith("vbaprojectsignature.bin")) {
					throw new BusinessRuleException(FIELD, "materials.error.fileMacros");
				}
				boolean isContentTypes = name.equals("[Content_Types].xml");
				boolean isRelationships = lower.endsWith(".rels");
				StringBuilder text = isContentTypes || isRelationships ? new StringBuilder() : null;
				VbaScan vba = new VbaScan();
				long size = 0;
				int read;
				while ((read = zip.read(buffer)) > 0) {
					size += read;
					total += read;
					if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
						throw new BusinessRuleException(FIELD, "materials.error.fileTooComplex");
					}
					if (vba.found(buffer, read)) {
						throw new BusinessRuleException(FIELD, "materials.error.fileMacros");
					}
					if (text != null) {
						if (size > MAX_CONTENT_TYPES_BYTES) {
							throw new BusinessRuleException(FIELD, "materials.error.fileTooComplex");
						}
						text.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
					}
				}
				if (isRelationships && text.toString().toLowerCase(Locale.ROOT).contains("/relationships/vbaproject")) {
					// A macro project linked under any name ("image1.bin"): the relationship says what it is.
					throw new BusinessRuleException(FIELD, "materials.error.fileMacros");
				}
				if (isContentTypes) {
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

	/** %XX escapes of a part name decoded (bytes as UTF-8); a malformed escape is left as it is. */
	static String percentDecoded(String name) {
		if (name.indexOf('%') < 0) {
			return name;
		}
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(name.length());
		byte[] raw = name.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '%' && i + 2 < raw.length && Character.digit(raw[i + 1], 16) >= 0
					&& Character.digit(raw[i + 2], 16) >= 0) {
				bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
				i += 2;
			}
			else {
				bytes.write(raw[i]);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Looks through one archive entry, as it streams, for a VBA project: an OLE compound file (the
	 * format of vbaProject.bin) whose directory names a {@code _VBA_PROJECT} stream (UTF-16LE).
	 */
	static final class VbaScan {

		private static final byte[] OLE = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 };

		private static final byte[] MARKER = "_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE);

		private final byte[] head = new byte[OLE.length];

		private int headLength;

		private boolean ole = true;

		private int matched;

		/** Feeds the next bytes of the entry; true once a VBA project is seen. */
		boolean found(byte[] buffer, int length) {
			int i = 0;
			while (headLength < OLE.length && i < length) {
				head[headLength++] = buffer[i++];
				if (head[headLength - 1] != OLE[headLength - 1]) {
					ole = false;
				}
			}
			if (!ole || headLength < OLE.length) {
				return false;
			}
			for (i = 0; i < length; i++) {
				matched = buffer[i] == MARKER[matched] ? matched + 1 : buffer[i] == MARKER[0] ? 1 : 0;
				if (matched == MARKER.length) {
					return true;
				}
			}
			return false;
		}
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
