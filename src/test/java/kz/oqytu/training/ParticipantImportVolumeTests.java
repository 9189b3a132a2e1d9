package kz.oqytu.training;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;
import kz.oqytu.testsupport.Workbooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A list of 10 000 people goes through upload, preview and commit for real (committed, not rolled
 * back, so the batch insert is what production runs) into an event of 2027 that is removed after.
 * The time is logged, not asserted: speed is measured by the benchmark harness.
 */
@OqytuIntegrationTest
class ParticipantImportVolumeTests {

	private static final Logger log = LoggerFactory.getLogger(ParticipantImportVolumeTests.class);

	private static final int ROWS = 10_000;

	@Autowired
	TrainingEvents events;

	@Autowired
	TrainingCatalog catalog;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	Long eventId;

	@AfterEach
	void removeTheEvent() {
		if (eventId != null) {
			// Participants, counts and topics go with it (on delete cascade).
			// Its (unanswered) surveys reference it; they go first.
			jdbc.sql("delete from event_survey where event_id = :id").param("id", eventId).update();
			jdbc.sql("delete from training_event where id = :id").param("id", eventId).update();
			// past the services: the reports' rollups are made again (decision 31)
			jdbc.sql("select reports_rollup_coverage_rebuild(), reports_rollup_monitoring_rebuild()").query((rs, n) -> 1).list();
		}
	}

	@Test
	void tenThousandRowsImportAndTheHeadCountsEqualTheRowsPerCategory() throws Exception {
		CurrentUser methodologist = users.current("methodologist");
		eventId = events.create(methodologist, new EventCommand("Он мың адамдық тізім", "Список на 10 000 человек",
				"THEMATIC_SEMINAR", Set.of("LABOUR_LAW"), LocalDateTime.of(2028, 2, 1, 10, 0),
				LocalDateTime.of(2028, 2, 1, 16, 0), BigDecimal.valueOf(6), VenueKind.REGIONAL_OFFICE, null, null, null,
				null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
		Map<String, Long> index = organizations.nameIndex(methodologist);
		List<OrganizationRow> orgs = organizations
			.search(methodologist, new OrganizationCriteria(null, null, null, true, null, false, 0, OrganizationCriteria.MAX_SIZE))
			.getContent()
			.stream()
			.filter(o -> Long.valueOf(o.id()).equals(index.get(Organizations.nameKey(o.nameKk())))
					&& Long.valueOf(o.id()).equals(index.get(Organizations.nameKey(o.nameRu()))))
			.toList();
		List<CatalogItem> categories = catalog.categories();
		Map<String, Integer> expected = new LinkedHashMap<>();
		categories.forEach(c -> expected.put(c.code(), 0));
		Object[][] rows = new Object[ROWS + 1][];
		rows[0] = new Object[] { "Аты-жөні / ФИО", "Ұйым / Организация", "Санат / Категория", "Лауазымы / Должность" };
		for (int i = 0; i < ROWS; i++) {
			OrganizationRow org = orgs.get(i % orgs.size());
			CatalogItem category = categories.get((i * 7 + i / 3) % categories.size());
			expected.merge(category.code(), 1, Integer::sum);
			rows[i + 1] = new Object[] { "Қатысушы " + i + " Тестов", i % 2 == 0 ? org.nameKk() : org.nameRu(),
					i % 2 == 0 ? category.nameKk() : category.nameRu(), i % 5 == 0 ? null : "мұғалім" };
		}
		byte[] file = Workbooks.of(rows);

		long start = System.nanoTime();
		String previewUrl = mvc
			.perform(multipart("/events/" + eventId + "/participants/import")
				.file(new MockMultipartFile("file", "list-10000.xlsx", "application/octet-stream", file))
				.with(users.as("methodologist"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long uploaded = System.nanoTime();
		mvc.perform(get(previewUrl).with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(view().name("training/participant-import-preview"));
		long previewed = System.nanoTime();
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf()))
			.andExpect(flash().attribute("flash", "participants.import.flash.done"));
		long committed = System.nanoTime();
		log.info("Imported {} participants ({} KB file): upload {} ms, preview {} ms, commit {} ms, total {} ms", ROWS,
				file.length / 1024, (uploaded - start) / 1_000_000, (previewed - uploaded) / 1_000_000,
				(committed - previewed) / 1_000_000, (committed - start) / 1_000_000);

		EventDetails event = events.details(methodologist, eventId);
		assertThat(event.namedParticipants()).isEqualTo(ROWS);
		assertThat(event.headCounts()).isEqualTo(expected);
		assertThat(event.totalParticipants()).isEqualTo(ROWS);
		assertThat(jdbc.sql("select count(*) from event_participant where event_id = :id")
			.param("id", eventId)
			.query(Integer.class)
			.single()).isEqualTo(ROWS);
	}
}
