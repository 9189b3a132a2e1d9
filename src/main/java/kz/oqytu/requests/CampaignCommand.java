package kz.oqytu.requests;

import java.time.LocalDate;

/** Open or change a request campaign. */
public record CampaignCommand(Integer year, String titleKk, String titleRu, LocalDate opensOn, LocalDate deadline,
		String note) {
}
