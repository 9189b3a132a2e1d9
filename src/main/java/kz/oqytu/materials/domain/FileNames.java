package kz.oqytu.materials.domain;

import java.text.Normalizer;

import kz.oqytu.materials.FileType;

/**
 * File names as people send them and as we send them back: no directories, no control or
 * reserved characters, a bounded length, and on download the extension of the type the content
 * was recognized as (a PDF sent as "case.docx" comes back as "case.pdf").
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/** The name kept for the record: the last path segment, cleaned; "file.pdf" when nothing is left. */
	static String original(String name, FileType type) {
		String clean = clean(name);
		return clean.isEmpty() ? "file." + type.extension() : clean;
	}

	/** The name a download is offered under: the cleaned base name with the detected type's extension. */
	static String download(String name, FileType type) {
		String clean = clean(name);
		int dot = clean.lastIndexOf('.');
		String base = dot > 0 ? clean.substring(0, dot) : clean;
		base = base.strip().replaceAll("[. ]+$", "");
		if (base.isEmpty()) {
			base = "material";
		}
		return base + "." + type.extension();
	}

	static String clean(String name) {
		if (name == null) {
			return "";
		}
		String n = Normalizer.normalize(name, Normalizer.Form.NFC);
		int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
		n = n.substring(slash + 1);
		StringBuilder out = new StringBuilder(n.length());
		n.codePoints().forEach(cp -> {
			if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT || "\"*:<>?|".indexOf(cp) >= 0) {
				out.append('_');
			}
			else {
				out.appendCodePoint(Character.isWhitespace(cp) ? ' ' : cp);
			}
		});
		String result = out.toString().strip().replaceAll(" {2,}", " ");
		while (result.startsWith(".")) {
			result = result.substring(1);
		}
		if (result.length() > MAX_LENGTH) {
			int dot = result.lastIndexOf('.');
			String extension = dot > 0 && result.length() - dot <= 10 ? result.substring(dot) : "";
			int cut = MAX_LENGTH - extension.length();
			if (Character.isHighSurrogate(result.charAt(cut - 1))) {
				cut--;
			}
			result = result.substring(0, cut) + extension;
		}
		return result;
	}
}
