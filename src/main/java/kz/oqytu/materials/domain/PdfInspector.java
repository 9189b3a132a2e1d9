package kz.oqytu.materials.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import kz.oqytu.shared.BusinessRuleException;

/**
 * Refuses a PDF that can act by itself in a reader: JavaScript anywhere (a {@code /JS} entry, a
 * {@code /JavaScript} name tree or action), additional actions ({@code /AA}) on the document, a
 * page, a field or an annotation, a {@code /Launch} action, or an {@code /OpenAction} that is an
 * action rather than a page to open at. Parsed with PDFBox, so objects inside compressed object
 * streams are seen as a reader sees them, not only what the raw bytes show.
 */
final class PdfInspector {

	private static final COSName JS = COSName.getPDFName("JS");

	private static final COSName JAVA_SCRIPT = COSName.getPDFName("JavaScript");

	private static final COSName AA = COSName.getPDFName("AA");

	private static final COSName OPEN_ACTION = COSName.getPDFName("OpenAction");

	private static final COSName S = COSName.getPDFName("S");

	private static final COSName LAUNCH = COSName.getPDFName("Launch");

	/** Objects visited at most: far more than a 20 MB document holds; beyond is refused as too complex. */
	private static final int MAX_VISITS = 2_000_000;

	/**
	 * For a file PDFBox cannot parse (a reader may still try): the entries as raw bytes, names also
	 * written with #xx escapes, each followed by what makes it an entry (a value), so that noise in a
	 * stream does not match by chance. Compressed objects cannot hide here, since nothing parses them.
	 */
	private static final Pattern RAW_ACTIVE = Pattern.compile("/S\\s*/(JavaScript|Launch)(?![A-Za-z0-9])"
			+ "|/JS\\s*[(<]|/JS\\s+\\d|/(OpenAction|AA|JavaScript)\\s*(<<|\\d+\\s+\\d+\\s+R)");

	private static final Pattern NAME_ESCAPE = Pattern.compile("#([0-9A-Fa-f]{2})");

	private PdfInspector() {
	}

	static void refuseActiveContent(byte[] pdf) {
		boolean active;
		try (PDDocument document = Loader.loadPDF(pdf)) {
			active = active(document);
		}
		catch (InvalidPasswordException ex) {
			// Encrypted with a password: its objects cannot be read, so they cannot be checked.
			throw new BusinessRuleException(FileInspector.FIELD, "materials.error.fileMalformed");
		}
		catch (IOException ex) {
			active = rawActive(pdf);
		}
		if (active) {
			throw new BusinessRuleException(FileInspector.FIELD, "materials.error.pdfActive");
		}
	}

	static boolean active(PDDocument document) {
		COSDocument cos = document.getDocument();
		Deque<COSBase> todo = new ArrayDeque<>();
		todo.push(cos.getTrailer());
		for (COSObjectKey key : cos.getXrefTable().keySet()) {
			todo.push(cos.getObjectFromPool(key));
		}
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		int visits = 0;
		while (!todo.isEmpty()) {
			COSBase next = todo.pop();
			if (next instanceof COSObject indirect) {
				next = indirect.getObject();
			}
			if (next == null || !seen.add(next)) {
				continue;
			}
			if (++visits > MAX_VISITS) {
				throw new BusinessRuleException(FileInspector.FIELD, "materials.error.fileTooComplex");
			}
			if (next instanceof COSDictionary dictionary) {
				if (dictionary.containsKey(JS) || dictionary.containsKey(JAVA_SCRIPT) || dictionary.containsKey(AA)) {
					return true;
				}
				COSBase kind = dictionary.getDictionaryObject(S);
				if (JAVA_SCRIPT.equals(kind) || LAUNCH.equals(kind)) {
					return true;
				}
				// A destination array only opens the document at a page; a dictionary is an action.
				if (dictionary.getDictionaryObject(OPEN_ACTION) instanceof COSDictionary) {
					return true;
				}
				dictionary.getValues().forEach(todo::push);
			}
			else if (next instanceof COSArray array) {
				array.forEach(todo::push);
			}
		}
		return false;
	}

	static boolean rawActive(byte[] pdf) {
		String text = NAME_ESCAPE.matcher(new String(pdf, StandardCharsets.ISO_8859_1))
			.replaceAll(m -> java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
		return RAW_ACTIVE.matcher(text).find();
	}
}
