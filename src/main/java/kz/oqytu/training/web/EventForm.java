package kz.oqytu.training.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.training.ActiveMethod;
import kz.oqytu.training.EventCommand;
import kz.oqytu.training.EventDetails;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.VenueKind;

/** The event form, attendance by category included so a seminar is logged in one step. */
record EventForm(
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String titleKk,
		@Size(max = 300, message = "{validation.tooLong}") String titleRu,
		@NotBlank(message = "{validation.required}") String formCode,
		@NotEmpty(message = "{training.error.topicRequired}") Set<String> topicCodes,
		@NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime startsAt,
		@NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime endsAt,
		@NotNull(message = "{validation.required}") @DecimalMin(value = "0.5", message = "{training.error.hoursInvalid}") @DecimalMax(value = "999", message = "{training.error.hoursInvalid}") BigDecimal academicHours,
		@NotNull(message = "{validation.required}") VenueKind venueKind,
		Long districtId,
		Long hostOrganizationId,
		@Size(max = 300, message = "{validation.tooLong}") String venueDetails,
		@Size(max = 1000, message = "{validation.tooLong}") String trainers,
		Set<ActiveMethod> methods,
		@Size(max = 500, message = "{validation.tooLong}") String announcementUrl,
		@Size(max = 4000, message = "{validation.tooLong}") String notes,
		@NotNull(message = "{validation.required}") EventStatus status,
		Map<String, Integer> headCounts,
		Integer version) {

	static EventForm empty(LocalDate today) {
		return new EventForm(null, null, "THEMATIC_SEMINAR", Set.of(), today.atTime(LocalTime.of(10, 0)),
				today.atTime(LocalTime.of(13, 0)), BigDecimal.valueOf(4), VenueKind.COMMITTEE_PREMISES, null, null, null,
				null, Set.of(), null, null, EventStatus.HELD, new LinkedHashMap<>(), null);
	}

	static EventForm of(EventDetails d) {
		return new EventForm(d.titleKk(), d.titleRu(), d.formCode(), d.topicCodes(), d.startsAt(), d.endsAt(),
				d.academicHours(), d.venueKind(), d.districtId(), d.hostOrganizationId(), d.venueDetails(),
				d.trainers(), d.methods(), d.announcementUrl(), d.notes(), d.status(), d.headCounts(), d.version());
	}

	EventCommand command(boolean withCounts) {
		return new EventCommand(titleKk, titleRu, formCode, topicCodes == null ? Set.of() : topicCodes, startsAt,
				endsAt, academicHours, venueKind, districtId, hostOrganizationId, venueDetails, trainers,
				methods == null ? Set.of() : methods, announcementUrl, notes, status,
				withCounts ? (headCounts == null ? Map.of() : headCounts) : null);
	}

	int count(String category) {
		Integer n = headCounts == null ? null : headCounts.get(category);
		return n == null ? 0 : n;
	}
}
