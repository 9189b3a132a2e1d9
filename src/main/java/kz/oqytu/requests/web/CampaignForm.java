package kz.oqytu.requests.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import kz.oqytu.requests.CampaignCommand;
import kz.oqytu.requests.CampaignView;

/** A request campaign: for which plan year, title, from when and until when. */
record CampaignForm(@NotNull(message = "{validation.required}") Integer year,
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String titleKk,
		@Size(max = 300, message = "{validation.tooLong}") String titleRu,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
		@NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
		@Size(max = 2000, message = "{validation.tooLong}") String note, Integer version) {

	static CampaignForm empty(LocalDate today) {
		return new CampaignForm(today.getYear() + 1, null, null, today, today.plusWeeks(4), null, null);
	}

	static CampaignForm of(CampaignView c) {
		return new CampaignForm(c.year(), c.titleKk(), c.titleRu(), c.opensOn(), c.deadline(), c.note(), c.version());
	}

	CampaignCommand command() {
		return new CampaignCommand(year, titleKk, titleRu, opensOn, deadline, note);
	}
}
