package kz.oqytu.resolutions;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A resolution's task with what carries it out; {@code overdue} as of today. */
public record TaskView(long id, long resolutionId, String resolutionNumber, String resolutionItem,
		LocalDate resolutionAdoptedOn, String resolutionTitleKk, String resolutionTitleRu, int position,
		String description, String responsible, LocalDate deadline, TaskStatus status, String executionNotes,
		LocalDate completedOn, List<TaskLink> links, boolean overdue, int version) {

	public String resolutionTitle(Locale locale) {
		return LocalizedText.pick(locale, resolutionTitleKk, resolutionTitleRu);
	}

	public List<TaskLink> links(LinkKind kind) {
		return links.stream().filter(l -> l.kind() == kind).toList();
	}
}
