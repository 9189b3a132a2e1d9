package kz.oqytu.requests.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import kz.oqytu.requests.RequestCommand;
import kz.oqytu.requests.RequestView;

/** A chair's training request. */
record RequestForm(@NotNull(message = "{validation.required}") Integer year,
		@NotEmpty(message = "{requests.error.topicRequired}") Set<String> topicCodes,
		@NotEmpty(message = "{requests.error.categoryRequired}") Set<String> categoryCodes,
		String preferredFormCode,
		@Min(value = 1, message = "{plans.error.month}") @Max(value = 12, message = "{plans.error.month}") Integer preferredMonth,
		@NotNull(message = "{validation.required}") @Min(value = 1, message = "{requests.error.participants}") @Max(value = 100000, message = "{requests.error.participants}") Integer expectedParticipants,
		@Size(max = 2000, message = "{validation.tooLong}") String comment,
		Integer version) {

	static RequestForm empty(int year) {
		return new RequestForm(year, Set.of(), Set.of(), null, null, null, null, null);
	}

	static RequestForm of(RequestView r) {
		return new RequestForm(r.year(), Set.copyOf(r.topicCodes()), Set.copyOf(r.categoryCodes()),
				r.preferredFormCode(), r.preferredMonth(), r.expectedParticipants(), r.comment(), r.version());
	}

	RequestCommand command() {
		return new RequestCommand(year, topicCodes == null ? Set.of() : topicCodes,
				categoryCodes == null ? Set.of() : categoryCodes, preferredFormCode, preferredMonth, expectedParticipants,
				comment);
	}

	/** Next year by default: requests feed the next plan. */
	static int defaultYear(LocalDate today) {
		return today.getYear() + 1;
	}
}
