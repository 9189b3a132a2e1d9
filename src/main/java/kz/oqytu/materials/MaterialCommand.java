package kz.oqytu.materials;

import java.util.Set;

/** The description of a material; its file comes separately as a {@link MaterialFile}. */
public record MaterialCommand(String titleKk, String titleRu, MaterialType type, MaterialLanguage language,
		String description, Set<String> topicCodes, Set<Long> eventIds) {

	public MaterialCommand {
		topicCodes = topicCodes == null ? Set.of() : Set.copyOf(topicCodes);
		eventIds = eventIds == null ? Set.of() : Set.copyOf(eventIds);
	}
}
