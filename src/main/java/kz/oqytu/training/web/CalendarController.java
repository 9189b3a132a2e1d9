package kz.oqytu.training.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.accounts.StaffOnly;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.TrainingEvents;
import java.time.Clock;

/** A month of the year as a calendar, weeks starting on Monday. */
@Controller
class CalendarController {

	private final TrainingEvents events;

	private final Clock clock;

	CalendarController(TrainingEvents events, Clock clock) {
		this.clock = clock;
		this.events = events;
	}

	@GetMapping("/events/calendar")
	@StaffOnly
	String calendar(@SignedIn CurrentUser me, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer month,
			Model model) {
		LocalDate today = LocalDate.now(clock);
		int y = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
		int m = month == null || month < 1 || month > 12 ? (year == null ? today.getMonthValue() : 1) : month;
		YearMonth shown = YearMonth.of(y, m);
		List<EventRow> rows = events.month(me, shown);
		Map<LocalDate, List<EventRow>> byDay = new LinkedHashMap<>();
		for (EventRow row : rows) {
			LocalDate from = row.startsAt().toLocalDate().isBefore(shown.atDay(1)) ? shown.atDay(1) : row.startsAt().toLocalDate();
			LocalDate to = row.endsAt().toLocalDate().isAfter(shown.atEndOfMonth()) ? shown.atEndOfMonth() : row.endsAt().toLocalDate();
			for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
				byDay.computeIfAbsent(d, k -> new ArrayList<>()).add(row);
			}
		}
		List<List<LocalDate>> weeks = new ArrayList<>();
		LocalDate cursor = shown.atDay(1).with(DayOfWeek.MONDAY);
		while (!cursor.isAfter(shown.atEndOfMonth())) {
			List<LocalDate> week = new ArrayList<>(7);
			for (int i = 0; i < 7; i++) {
				week.add(cursor.plusDays(i));
			}
			weeks.add(week);
			cursor = cursor.plusWeeks(1);
		}
		model.addAttribute("shown", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		model.addAttribute("byDay", byDay);
		model.addAttribute("today", today);
		model.addAttribute("monthEvents", rows);
		return "training/calendar";
	}
}
