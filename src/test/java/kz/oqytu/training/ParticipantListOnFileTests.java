package kz.oqytu.training;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitAlias;
import kz.oqytu.organizations.UnitOption;
import kz.oqytu.shared.imports.ImportRow;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Participant lists as districts keep them on file (issue #16, part 1): a title block, headers in
 * Kazakh or Russian, organizations written as people write them, blank rows, a total line, a
 * signature column, and a wrong row or two. The workbooks are built here, several layouts.
 */
@OqytuIntegrationTest
@Transactional
class ParticipantListOnFileTests {

	/** Алға district (committee 4), where the event is held. */
	static final long ALGA = 4;

	@Autowired
	ParticipantImports imports;

	@Autowired
	TrainingEvents events;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	CurrentUser methodologist;

	long eventId;

	/** The district's organizations by their Kazakh name. */
	Map<String, Long> alga = new HashMap<>();

	@BeforeEach
	void anEventInAlgaDistrict() {
		methodologist = users.current("methodologist");
		for (OrganizationRow o : organizations
			.search(methodologist, new OrganizationCriteria(null, ALGA, null, null, null, false, 0, 200))
			.getContent()) {
			alga.put(o.nameKk(), o.id());
		}
		eventId = events.create(methodologist, new EventCommand("Құқықтық сауаттылық семинары",
				"Семинар по правовой грамотности", "THEMATIC_SEMINAR", Set.of("LEGAL_LITERACY"),
				LocalDateTime.of(2027, 3, 10, 10, 0), LocalDateTime.of(2027, 3, 10, 14, 0), BigDecimal.valueOf(4),
				VenueKind.COMMITTEE_PREMISES, ALGA, null, null, null, Set.of(), null, null, EventStatus.PLANNED, Map.of()));
	}

	long org(String nameKk) {
		Long id = alga.get(nameKk);
		assertThat(id).as(nameKk).isNotNull();
		return id;
	}

	/**
	 * The goal of issue #16: 40 people of 8 organizations written in 11 ways, a title block, a
	 * blank row, a total line, one organization that does not exist and one row without a name,
	 * imported in ONE upload with one choice per spelling the registry cannot know and the two bad
	 * rows excluded. The choices are kept as aliases: the same file again needs no choice at all.
	 */
	@Test
	void aRealListImportsInOneUploadWithOneChoicePerUnknownSpelling() throws Exception {
		// the eight organizations, each with the ways the list writes it
		Map<Long, List<String>> spellings = new LinkedHashMap<>();
		spellings.put(org("Алға ауданы, №1 орта мектеп"),
				List.of("Алға ауданы, №1 орта мектеп", "№ 1 ОМ", "Алға ауданы №1 орта мектпе"));
		spellings.put(org("Алға ауданы, №2 орта мектеп"), List.of("СШ №2"));
		spellings.put(org("Алға ауданы, №3 орта мектеп"), List.of("3-ші  орта мектеп"));
		spellings.put(org("Алға ауданы, №4 орта мектеп"), List.of("Средняя школа № 4 Алгинского района"));
		spellings.put(org("Алға ауданы, №1 «Балапан» балабақшасы"), List.of("«Балапан» бөбекжайы"));
		spellings.put(org("Алға ауданы, №2 «Айгөлек» балабақшасы"), List.of("Ясли-сад \"Айголек\" №2"));
		spellings.put(org("Алға педагогикалық колледжі"), List.of("Алгинский пед. колледж"));
		spellings.put(org("Алға ауданы, Оқушылар шығармашылығы үйі"), List.of("Дом школьников"));
		// the spellings no rule can resolve: the user chooses once for each
		Map<String, Long> toChoose = Map.of("Алға ауданы №1 орта мектпе", org("Алға ауданы, №1 орта мектеп"),
				"«Балапан» бөбекжайы", org("Алға ауданы, №1 «Балапан» балабақшасы"), "Алгинский пед. колледж",
				org("Алға педагогикалық колледжі"));

		List<Object[]> rows = new ArrayList<>();
		rows.add(new Object[] { "Алға аудандық білім қызметкерлері кәсіподағы" });
		rows.add(new Object[] { "«Еңбек құқығын қорғау» тақырыптық семинарына қатысушылар тізімі" });
		rows.add(new Object[] { "Өткізілген күні: 10.03.2027 ж., Қандыағаш қ." });
		rows.add(new Object[] {});
		rows.add(new Object[] { "р/с", "Т.А.Ә.", "Бастауыш кәсіподақ ұйымы", "Лауазымы", "Санаты", "Қолы" });
		String[] categories = { "БКҰ төрағасы", "профактив", "тексеру комиссиясының мүшесі", "кәсіподақ мүшесі",
				"член ревизионной комиссии", "председатель ППО", "келісу комиссиясының мүшесі", "Профактив" };
		String[] surnames = { "Аманова", "Бекова", "Жұмабаева", "Қасымова", "Нұрланова", "Серікова", "Тоқтарова",
				"Есенова", "Мұратова", "Омарова" };
		String[] given = { "Айгүл", "Гүлнар", "Жанар", "Сәуле" };
		Map<Long, Integer> expected = new HashMap<>();
		int n = 0;
		List<Map.Entry<Long, String>> writing = new ArrayList<>();
		spellings.forEach((id, list) -> list.forEach(s -> writing.add(Map.entry(id, s))));
		for (int i = 0; i < 40; i++) {
			Map.Entry<Long, String> w = writing.get(i % writing.size());
			n++;
			String name = " " + surnames[i % surnames.length] + "  " + given[i / surnames.length] + " ";
			rows.add(new Object[] { n, name, w.getValue(), i % 3 == 0 ? "мұғалім" : "тәрбиеші",
					categories[i % categories.length] });
			expected.merge(w.getKey(), 1, Integer::sum);
			if (i == 19) {
				rows.add(new Object[] {});
			}
		}
		rows.add(new Object[] { 41, "Ахметова Гүлжан", "«Ромашка» жеке балабақшасы", "тәрбиеші", "профактив" });
		rows.add(new Object[] { 42, "", "СШ №2", "мұғалім", "кәсіподақ мүшесі" });
		rows.add(new Object[] { null, "Барлығы: 42 адам" });
		byte[] file = workbook("Тізім", rows);
		int unknownRow = 5 + 40 + 1 + 1; // title block and header (5), 40 people, a blank row: row 47
		int namelessRow = unknownRow + 1;

		// One upload.
		String previewUrl = upload(file);
		ParticipantImportPreview first = imports.preview(methodologist, eventId, file, null, ImportDecisions.NONE,
				Locale.forLanguageTag("kk"));
		assertThat(first.mappingNeeded()).isFalse();
		assertThat(first.columns()).isEqualTo(new ParticipantColumns(1, 2, 4, 3));
		assertThat(first.skipped()).extracting(SkippedRow::reason).containsExactly("TOTAL");
		assertThat(first.rows().rows()).hasSize(42);
		// the spellings that need a choice: the three above, and the organization that does not exist
		assertThat(first.spellings()).extracting(SpellingGroup::spelling)
			.containsExactlyInAnyOrder("Алға ауданы №1 орта мектпе", "«Балапан» бөбекжайы", "Алгинский пед. колледж",
					"«Ромашка» жеке балабақшасы");
		Map<String, String> decisions = new LinkedHashMap<>();
		int choices = 0;
		for (SpellingGroup g : first.spellings()) {
			Long right = toChoose.get(g.spelling());
			if (right == null) {
				continue;
			}
			// the right organization is among the suggestions, and first of them
			assertThat(g.suggestions()).extracting(UnitOption::id).first().isEqualTo(right);
			decisions.put("org." + g.id(), String.valueOf(right));
			choices++;
		}
		assertThat(first.rows().invalidRows()).extracting(ImportRow::rowNumber)
			.contains(unknownRow, namelessRow);

		// The preview page groups the rows by spelling and names the suggestions in the UI's language.
		var page = get(previewUrl).with(users.as("methodologist")).param("lang", "ru");
		mvc.perform(page)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("«Балапан» бөбекжайы")))
			.andExpect(content().string(containsString("Детский сад №1 «Балапан», Алгинский район")))
			.andExpect(content().string(containsString("итоговая строка")))
			.andExpect(content().string(containsString("Строка " + namelessRow + ": Не указаны ФИО.")));

		// One choice per spelling, the two bad rows excluded: valid, and nothing written yet.
		var decided = get(previewUrl).with(users.as("methodologist")).param("lang", "ru")
			.param("exclude", String.valueOf(unknownRow), String.valueOf(namelessRow));
		decisions.forEach((k, v) -> decided.param(k, v));
		mvc.perform(decided)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-commit\"")));
		assertThat(events.participants(methodologist, eventId)).isEmpty();

		var commit = post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf())
			.param("exclude", String.valueOf(unknownRow), String.valueOf(namelessRow));
		decisions.forEach((k, v) -> commit.param(k, v));
		mvc.perform(commit)
			.andExpect(redirectedUrl("/events/" + eventId + "/participants"))
			.andExpect(flash().attribute("flashArgs", new Object[] { 40 }));

		List<Participant> listed = events.participants(methodologist, eventId);
		assertThat(listed).hasSize(40);
		Map<Long, Integer> byOrganization = new HashMap<>();
		listed.forEach(p -> byOrganization.merge(p.organizationId(), 1, Integer::sum));
		assertThat(byOrganization).isEqualTo(expected);
		assertThat(listed).extracting(Participant::fullName).contains("Аманова Айгүл").allMatch(s -> !s.contains("  "));
		assertThat(listed).filteredOn(p -> p.fullName().equals("Аманова Айгүл")).extracting(Participant::categoryCode)
			.containsExactly("CHAIR");

		// The measure: one upload, three choices (one per spelling no rule can know), two rows excluded.
		assertThat(choices).isEqualTo(3);
		System.out.printf("[i16 import goal] uploads=1 choices=%d excluded=2 imported=%d%n", choices, listed.size());

		// The choices are aliases now: the same spellings in another event's list need no choice.
		long balapan = org("Алға ауданы, №1 «Балапан» балабақшасы");
		assertThat(organizations.aliases(methodologist, balapan)).extracting(UnitAlias::alias)
			.containsExactly("«Балапан» бөбекжайы");
		// visible on the organization's page, with a button to remove it
		mvc.perform(get("/organizations/" + balapan).with(users.as("methodologist")).param("lang", "ru"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Другие написания названия")))
			.andExpect(content().string(containsString("«Балапан» бөбекжайы")))
			.andExpect(content().string(containsString("/aliases/")));
		long second = events.create(methodologist, new EventCommand("Екінші семинар", null, "ROUND_TABLE",
				Set.of("NEGOTIATIONS"), LocalDateTime.of(2027, 4, 1, 10, 0), LocalDateTime.of(2027, 4, 1, 12, 0),
				BigDecimal.valueOf(2), VenueKind.COMMITTEE_PREMISES, ALGA, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		ParticipantImportPreview again = imports.preview(methodologist, second, file, null, ImportDecisions.NONE,
				Locale.forLanguageTag("kk"));
		assertThat(again.spellings()).extracting(SpellingGroup::spelling).containsExactly("«Ромашка» жеке балабақшасы");
		assertThat(again.rows().invalidRows()).extracting(ImportRow::rowNumber).containsExactly(unknownRow, namelessRow);
	}

	@Test
	void aRussianListWithItsOwnLayoutRepeatedHeadersAndTotalsReads() {
		long school = org("Алға ауданы, №5 орта мектеп");
		long kindergarten = org("Алға ауданы, №2 «Айгөлек» балабақшасы");
		byte[] file = workbook("Лист1", List.of(new Object[] { "СПИСОК" },
				new Object[] { "участников семинара-совещания председателей ППО Алгинского района" },
				new Object[] { "ФИО", "Должность", "ППО", "Категория", "Подпись" },
				new Object[] { "Иванова Анна Петровна", "учитель", "СОШ № 5", "председатель ППО" },
				new Object[] { "Сергеева Мария", "воспитатель", "я/с «Айголек» №2", "член ревизионной комиссии" },
				new Object[] { "ФИО", "Должность", "ППО", "Категория", "Подпись" },
				new Object[] { "Ким Ольга", "завуч", "5-я средняя школа", "профсоюзный актив" },
				new Object[] { "Всего: 3 человека" }, new Object[] { "Итого", "3" }));
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.forLanguageTag("ru"));
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows().values()).extracting(ParticipantCommand::organizationId)
			.containsExactly(school, kindergarten, school);
		assertThat(preview.rows().values()).extracting(ParticipantCommand::categoryCode)
			.containsExactly("CHAIR", "AUDIT_COMMISSION", "ACTIVIST");
		assertThat(preview.skipped()).extracting(SkippedRow::rowNumber, SkippedRow::reason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(6, "HEADER"), org.assertj.core.groups.Tuple.tuple(8, "TOTAL"),
					org.assertj.core.groups.Tuple.tuple(9, "TOTAL"));
	}

	@Test
	void aMappingConfirmedOnceIsRememberedForTheSameLayout() throws Exception {
		Object[] header = { "№", "Кім", "Қай жерден", "Кім ретінде" };
		byte[] file = workbook("Парақ1", List.of(new Object[] { "Қатысушылар" }, header,
				new Object[] { 1, "Тоқтарова Салтанат", "СШ №2", "БКҰ төрағасы" }));
		String previewUrl = upload(file);
		mvc.perform(get(previewUrl).with(users.as("methodologist")))
			.andExpect(content().string(containsString("id=\"column-mapping\"")));
		mvc.perform(post(previewUrl + "/commit").with(users.as("methodologist")).with(csrf())
			.param("nameColumn", "1").param("organizationColumn", "2").param("categoryColumn", "3"))
			.andExpect(flash().attribute("flash", "participants.import.flash.done"));
		// Another file of the same layout, for another event: no question asked.
		byte[] next = workbook("Парақ1", List.of(header, new Object[] { 1, "Омарова Бағдат", "3-ші орта мектеп", "профактив" }));
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, next, null, Locale.forLanguageTag("kk"));
		assertThat(preview.mappingNeeded()).isFalse();
		assertThat(preview.rememberedColumns()).isTrue();
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows().values()).extracting(ParticipantCommand::organizationId)
			.containsExactly(org("Алға ауданы, №3 орта мектеп"));
	}

	@Test
	void aChosenOrganizationOutsideTheUsersScopeIsNotTaken() throws Exception {
		byte[] file = workbook("Тізім", List.of(new Object[] { "Аты-жөні", "Ұйым", "Санаты" },
				new Object[] { "Бекова Гүлнар", "«Балапан» бөбекжайы", "профактив" }));
		ParticipantImportPreview preview = imports.preview(methodologist, eventId, file, null, Locale.ENGLISH);
		String id = preview.spellings().get(0).id();
		ParticipantImportPreview chosen = imports.preview(methodologist, eventId, file, null,
				new ImportDecisions(Map.of(id, 999_999_999L), Set.of()), Locale.ENGLISH);
		assertThat(chosen.valid()).isFalse();
		assertThat(chosen.openSpellings()).hasSize(1);
	}

	@Test
	void ourOwnExportUploadsAgain() throws Exception {
		byte[] list = workbook("Тізім", List.of(new Object[] { "Аты-жөні", "Ұйым", "Санаты" },
				new Object[] { "Бекова Гүлнар", "СШ №2", "профактив" },
				new Object[] { "Есенова Жанар", "3-ші орта мектеп", "БКҰ төрағасы" }));
		imports.commit(methodologist, eventId, list, null);
		byte[] export = mvc.perform(get("/events/participants.xlsx").param("year", "2027").param("q", "Құқықтық сауаттылық")
			.with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		long second = events.create(methodologist, new EventCommand("Екінші семинар", null, "ROUND_TABLE",
				Set.of("NEGOTIATIONS"), LocalDateTime.of(2027, 4, 1, 10, 0), LocalDateTime.of(2027, 4, 1, 12, 0),
				BigDecimal.valueOf(2), VenueKind.COMMITTEE_PREMISES, ALGA, null, null, null, Set.of(), null, null,
				EventStatus.PLANNED, Map.of()));
		String url = mvc.perform(multipart("/events/" + second + "/participants/import")
			.file(new MockMultipartFile("file", "oqytu-participants-2027.xlsx", "application/octet-stream", export))
			.with(users.as("methodologist")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(url).startsWith("/events/" + second + "/participants/import/");
		ParticipantImportPreview preview = imports.preview(methodologist, second, export, null, Locale.ENGLISH);
		assertThat(preview.valid()).isTrue();
		assertThat(preview.rows().rows()).hasSize(2);
	}

	private String upload(byte[] file) throws Exception {
		String url = mvc
			.perform(multipart("/events/" + eventId + "/participants/import")
				.file(new MockMultipartFile("file", "тізім.xlsx", "application/octet-stream", file))
				.with(users.as("methodologist"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(url).startsWith("/events/" + eventId + "/participants/import/");
		return url;
	}

	/** A workbook as a district's secretary would save it: a merged title, numbers as numbers. */
	static byte[] workbook(String sheetName, List<Object[]> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] cells = rows.get(r);
				for (int c = 0; c < cells.length; c++) {
					if (cells[c] instanceof Number num) {
						row.createCell(c).setCellValue(num.doubleValue());
					}
					else if (cells[c] != null) {
						row.createCell(c).setCellValue(cells[c].toString());
					}
				}
			}
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}
}
