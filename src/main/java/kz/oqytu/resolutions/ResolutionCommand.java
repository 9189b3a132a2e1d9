package kz.oqytu.resolutions;

import java.time.LocalDate;

/** Record or change a resolution: date, number, item, title (Kazakh, Russian or both), text, control. */
public record ResolutionCommand(LocalDate adoptedOn, String number, String item, String titleKk, String titleRu,
		String body, String controlBy) {
}
