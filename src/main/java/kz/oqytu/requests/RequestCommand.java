package kz.oqytu.requests;

import java.util.Set;

/** What a chair asks for: topics, categories to train, preferred form and month, expected participants. */
public record RequestCommand(Integer year, Set<String> topicCodes, Set<String> categoryCodes,
		String preferredFormCode, Integer preferredMonth, Integer expectedParticipants, String comment) {
}
