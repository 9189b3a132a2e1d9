package kz.oqytu.training;

/**
 * Which column of an uploaded participant list holds each field, as 0-based indexes; the position
 * column is optional (null). Found from the headers, or chosen by the user when they differ.
 */
public record ParticipantColumns(Integer name, Integer organization, Integer category, Integer position) {

	public boolean complete() {
		return name != null && organization != null && category != null;
	}

	/** Whether the user chose any column (a mapping was given, rather than headers to recognize). */
	public boolean chosen() {
		return name != null || organization != null || category != null || position != null;
	}
}
