package kz.oqytu.surveys;

import java.util.Map;

/**
 * What became of one typed paper sheet: stored (or stored before, the same sheet sent twice), or the
 * errors by question code as message keys, nothing stored. {@code entered} counts the survey's sheets after it.
 */
public record PaperEntry(boolean stored, Map<String, String> errors, long entered) {
}
