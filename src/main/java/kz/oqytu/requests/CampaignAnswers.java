package kz.oqytu.requests;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import kz.oqytu.shared.LocalizedText;

/** A campaign's primary organizations by district: who answered (with how many requests) and who did not. */
public record CampaignAnswers(CampaignView campaign, List<District> districts) {

	public record District(long id, String nameKk, String nameRu, List<Organization> answered,
			List<Organization> notAnswered) {

		public String name(Locale locale) {
			return LocalizedText.pick(locale, nameKk, nameRu);
		}

		public int organizations() {
			return answered.size() + notAnswered.size();
		}
	}

	public record Organization(long id, String nameKk, String nameRu, int requests, Instant lastRequestAt) {

		public String name(Locale locale) {
			return LocalizedText.pick(locale, nameKk, nameRu);
		}
	}

	public int answered() {
		return districts.stream().mapToInt(d -> d.answered().size()).sum();
	}

	public int notAnswered() {
		return districts.stream().mapToInt(d -> d.notAnswered().size()).sum();
	}
}
