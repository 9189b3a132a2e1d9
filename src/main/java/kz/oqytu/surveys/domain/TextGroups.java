package kz.oqytu.surveys.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.oqytu.surveys.OtherTopicText;

/**
 * Free texts under "other" gathered into groups of one normalized key, per question: the group
 * shows its most given spelling (the alphabetically first of equals), most given groups first, then
 * alphabetically; never in the order the texts came.
 */
final class TextGroups {

	private static final class Group {

		final String key;

		String text;

		long best;

		long answers;

		String topic;

		boolean own;

		Group(String key) {
			this.key = key;
		}
	}

	private final Map<String, Map<String, Group>> groups = new LinkedHashMap<>();

	/** One spelling and how many gave it; rows come ordered by question, key and spelling. */
	void add(String question, String key, String text, long count, String topic, boolean own) {
		if (key == null || key.isEmpty()) {
			return;
		}
		Group g = groups.computeIfAbsent(question, q -> new LinkedHashMap<>()).computeIfAbsent(key, Group::new);
		g.answers += count;
		if (count > g.best || (count == g.best && text.compareTo(g.text) < 0)) {
			g.best = count;
			g.text = text;
		}
		if (topic != null) {
			g.topic = topic;
			g.own = own;
		}
	}

	Map<String, List<OtherTopicText>> byQuestion() {
		Map<String, List<OtherTopicText>> result = new LinkedHashMap<>();
		groups.forEach((question, keys) -> result.put(question, list(keys.values())));
		return result;
	}

	List<OtherTopicText> all() {
		Map<String, Group> merged = new LinkedHashMap<>();
		for (Map<String, Group> keys : groups.values()) {
			for (Group g : keys.values()) {
				Group m = merged.computeIfAbsent(g.key, Group::new);
				m.answers += g.answers;
				if (g.best > m.best || (g.best == m.best && (m.text == null || g.text.compareTo(m.text) < 0))) {
					m.best = g.best;
					m.text = g.text;
				}
				if (g.topic != null) {
					m.topic = g.topic;
					m.own = g.own;
				}
			}
		}
		return list(merged.values());
	}

	private static List<OtherTopicText> list(java.util.Collection<Group> groups) {
		List<OtherTopicText> list = new ArrayList<>();
		for (Group g : groups) {
			list.add(new OtherTopicText(g.key, g.text, g.answers, g.topic, g.own));
		}
		list.sort(Comparator.comparingLong(OtherTopicText::answers).reversed().thenComparing(OtherTopicText::text));
		return list;
	}
}
