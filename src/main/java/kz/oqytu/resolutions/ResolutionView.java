package kz.oqytu.resolutions;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A resolution with its text and tasks. */
public record ResolutionView(long id, LocalDate adoptedOn, String number, String item, String titleKk,
		String titleRu, String body, String controlBy, List<TaskView> tasks, int version) {

	public String title(Locale locale) {
		return LocalizedText.pick(locale, titleKk, titleRu);
	}

	public long overdue() {
		return tasks.stream().filter(TaskView::overdue).count();
	}
}
