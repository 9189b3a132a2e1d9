package kz.oqytu.materials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import kz.oqytu.shared.xlsx.XlsxWriter;

/** Real files for the materials tests, and files that lie about what they are. */
public final class MaterialTestFiles {

	private MaterialTestFiles() {
	}

	/** A minimal DOCX as Word writes it, made with POI. */
	public static byte[] docx(String text) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText(text);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] pptx() {
		try (XMLSlideShow slides = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			slides.createSlide();
			slides.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] xlsx() {
		try (XlsxWriter writer = new XlsxWriter()) {
			var sheet = writer.sheet("Жоспар");
			writer.headers(sheet, 0, "Ай", "Тақырып");
			writer.text(writer.row(sheet, 1), 0, "Қыркүйек");
			return writer.toBytes();
		}
	}

	/** A Windows program: "MZ" and noise. */
	public static byte[] exe() {
		byte[] bytes = new byte[4096];
		new Random(1).nextBytes(bytes);
		bytes[0] = 'M';
		bytes[1] = 'Z';
		return bytes;
	}

	/** A ZIP archive with a text file in it, not an Office document. */
	public static byte[] plainZip() {
		return zip(new String[] { "readme.txt" }, new byte[][] { "hello".getBytes(StandardCharsets.UTF_8) });
	}

	/** The DOCX with a macro project added, as a .docm carries it. */
	public static byte[] docxWithMacro() {
		return addEntry(docx("macro"), "word/vbaProject.bin", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 });
	}

	/**
	 * Issue #15: a DOCX carrying a macro project where the name check did not look: under an innocent
	 * name ({@code word/media/image1.bin}), an OLE file with a {@code _VBA_PROJECT} stream.
	 */
	public static byte[] docxWithHiddenMacro() {
		byte[] ole = new byte[1024];
		byte[] signature = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(signature, 0, ole, 0, signature.length);
		byte[] stream = "_VBA_PROJECT".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(stream, 0, ole, 700, stream.length);
		return addEntry(docx("hidden macro"), "word/media/image1.bin", ole);
	}

	/** A one-page PDF made by PDFBox, saved compressed (object streams), with what {@code decorate} adds. */
	public static byte[] pdf(java.util.function.Consumer<org.apache.pdfbox.pdmodel.PDDocument> decorate) {
		try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			decorate.accept(document);
			document.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.DEFAULT_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF that runs JavaScript when opened, the script kept inside a compressed object stream. */
	public static byte[] pdfWithJavaScript() {
		return pdf(document -> {
			var script = new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('x')");
			// an object of its own, so the writer puts it into a compressed object stream
			script.getCOSObject().setDirect(false);
			document.getDocumentCatalog().setOpenAction(script);
		});
	}

	/** A big file that starts as a PDF: a header and incompressible noise. */
	public static byte[] largePdf(int bytes) {
		byte[] content = new byte[bytes];
		new Random(bytes).nextBytes(content);
		byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, content, 0, header.length);
		return content;
	}

	public static byte[] addEntry(byte[] zip, String name, byte[] content) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream();
				ZipOutputStream target = new ZipOutputStream(out);
				ZipInputStream source = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = source.getNextEntry()) != null) {
				target.putNextEntry(new ZipEntry(entry.getName()));
				source.transferTo(target);
				target.closeEntry();
			}
			target.putNextEntry(new ZipEntry(name));
			target.write(content);
			target.closeEntry();
			target.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] zip(String[] names, byte[][] contents) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (int i = 0; i < names.length; i++) {
				zip.putNextEntry(new ZipEntry(names[i]));
				zip.write(contents[i]);
				zip.closeEntry();
			}
			zip.finish();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
