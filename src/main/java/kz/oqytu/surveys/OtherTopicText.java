package kz.oqytu.surveys;

/**
 * Free texts that respondents wrote under the topic "other", grouped by their normalized
 * {@code key} (case, spaces and punctuation aside): the most common {@code text} of the group, how
 * many {@code answers} gave it, and the catalogue topic it is mapped to ({@code null}: not mapped, it
 * counts as "other"). {@code ownMapping}: the mapping was made at the reader's own union body, so the
 * reader may remove it; a mapping made higher up can only be overridden.
 */
public record OtherTopicText(String key, String text, long answers, String topicCode, boolean ownMapping) {

	public boolean mapped() {
		return topicCode != null;
	}
}
