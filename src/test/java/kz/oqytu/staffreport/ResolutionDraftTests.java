package kz.oqytu.staffreport;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.resolutions.ResolutionView;
import kz.oqytu.resolutions.Resolutions;
import kz.oqytu.resolutions.TaskView;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #22, part 2: from the approved 2026 staff report of the demo data Oqytu drafts the resolution
 * whose items name the under-covered categories, each keeping its finding; the methodologist's bad
 * edits are refused and change nothing; adopting records a resolution with tasks that the resolutions
 * module shows, once; a chair sees none of it. Each test runs in a transaction rolled back at its end.
 */
@OqytuIntegrationTest
@Transactional
class ResolutionDraftTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Resolutions resolutions;

	@Autowired
	ResolutionDrafts drafts;

	@Autowired
	kz.oqytu.yearplan.PlanDrafts planDrafts;

	static final java.util.Locale RU = java.util.Locale.forLanguageTag("ru");

	/** Saves a version of the 2026 report in the language, approves the coverage of 2025 if needed, and the version. */
	void approveReport(String lang) throws Exception {
		mvc.perform(post("/staff-reports/versions").param("year", "2026").param("lang", lang)
			.param("t_s1_purpose", "ru".equals(lang) ? "Цель анализа." : "Талдаудың мақсаты.").with(csrf())
			.with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		String latest = String.valueOf(jdbc.sql("select max(number) from staff_report_version where report_year = 2026"
				+ " and language = :l").param("l", lang).query(Integer.class).single());
		if (jdbc.sql("select count(*) from report_approval where year = 2025").query(Long.class).single() == 0) {
			mvc.perform(post("/reports/coverage/approval").param("year", "2025").param("approvedOn", "2026-02-20")
				.param("protocol", "9").param("approvedBy", "Атқару комитеті").with(csrf()).with(users.as("methodologist")))
				.andExpect(status().is3xxRedirection());
		}
		mvc.perform(post("/staff-reports/approval").param("year", "2026").param("version", latest).param("lang", lang)
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
	}

	void draft(String lang) throws Exception {
		mvc.perform(post("/staff-reports/resolution").param("year", "2026").param("lang", lang).with(csrf())
			.with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "resdraft.flash.drafted"));
	}

	String page(String lang, String user) throws Exception {
		return mvc.perform(get("/staff-reports/resolution").param("year", "2026").param("lang", lang).with(users.as(user)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	ResolutionDraft current(String lang) {
		CurrentUser me = users.current("methodologist");
		return drafts.page(me, java.util.Optional.empty(), 2026, java.util.Locale.forLanguageTag(lang)).draft();
	}

	/** Every text, owner and deadline of the draft, to compare before and after a refused save. */
	List<Map<String, Object>> rows() {
		return jdbc.sql("select i.id, i.position, i.level, i.text, i.owner, i.deadline, d.title, d.preamble, d.control_by,"
				+ " d.signer_title, d.signer_name, d.version from resolution_draft_item i join resolution_draft d on d.id = i.draft_id order by i.id")
			.query().listOfRows();
	}

	/** The draft's form as the page fills it, with some fields typed over ({@code typed}: name, value, ...). */
	MockHttpServletRequestBuilder save(String lang, ResolutionDraft d, String... typed) {
		return form("/staff-reports/resolution/texts", lang, d, typed);
	}

	/** The draft's form as the page fills it, sent by one of its buttons ({@code path}, the button's formaction). */
	MockHttpServletRequestBuilder form(String path, String lang, ResolutionDraft d, String... typed) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("title", d.title());
		fields.put("preamble", d.preamble());
		fields.put("controlBy", d.controlBy() == null ? "" : d.controlBy());
		fields.put("signerTitle", d.signerTitle() == null ? "" : d.signerTitle());
		fields.put("signerName", d.signerName() == null ? "" : d.signerName());
		for (ResolutionDraft.Item i : d.items()) {
			fields.put("text_" + i.id(), i.text());
			fields.put("owner_" + i.id(), i.owner() == null ? "" : i.owner());
			fields.put("deadline_" + i.id(), i.deadline() == null ? "" : i.deadline().toString());
		}
		for (int k = 0; k < typed.length; k += 2) {
			fields.put(typed[k], typed[k + 1]);
		}
		MockHttpServletRequestBuilder r = post(path).param("year", "2026")
			.param("lang", fields.getOrDefault("lang", lang)).param("version", String.valueOf(d.version()))
			.with(csrf()).with(users.as("methodologist"));
		fields.forEach((k, v) -> {
			if (!k.equals("lang")) {
				r.param(k, v);
			}
		});
		return r;
	}

	@Test
	void theDraftFromTheApproved2026ReportNamesTheUnderCoveredCategoriesAndEachSubItemKeepsItsFinding() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft d = current("ru");
		assertThat(d.language()).isEqualTo("ru");
		List<ResolutionDraft.Item> subs = d.items().stream().filter(ResolutionDraft.Item::sub).toList();
		assertThat(subs).isNotEmpty().allSatisfy(i -> {
			assertThat(i.sourceKey()).startsWith("f_");
			assertThat(i.sourceText()).isNotBlank();
			assertThat(i.owner()).isNotBlank();
			assertThat(i.deadline()).isNotNull();
			assertThat(i.number()).matches("\\d+\\.\\d+");
		});
		// the categories the report finds under-covered: the audit-commission members (593 for 614) and the chairs (522)
		ResolutionDraft.Item audit = subs.stream().filter(i -> i.sourceKey().equals("f_category_AUDIT_COMMISSION"))
			.findFirst().orElseThrow();
		assertThat(audit.text()).contains("членов ревизионных комиссий");
		assertThat(audit.sourceText()).contains("593").contains("614");
		assertThat(audit.sourceLink()).startsWith("/reports/coverage?year=2025");
		assertThat(subs).anyMatch(i -> i.sourceKey().equals("f_category_CHAIR")
				&& i.text().contains("председателей профсоюзных организаций"));
		// the budget of 2025 below the norm becomes the finance item
		assertThat(subs).anyMatch(i -> i.sourceKey().equals("f_budget_2025") && i.text().contains("не ниже норматива"));
		// every finding of the approved version is in the draft, once
		List<String> findings = jdbc.sql("""
				select b.block_key from staff_report_block b join staff_report_version v on v.id = b.version_id
				where v.approved and v.language = 'ru' and v.report_year = 2026 and b.kind = 'FINDING' order by b.position""")
			.query(String.class).list();
		assertThat(subs.stream().map(ResolutionDraft.Item::sourceKey).sorted().toList())
			.isEqualTo(findings.stream().sorted().toList());
		assertThat(d.items().get(0).number()).isEqualTo("2");
		assertThat(page("ru", "methodologist")).contains("Проект постановления по справке 2026 года")
			.contains("членов ревизионных комиссий").contains("Принять справку об оценке эффективности")
			.contains("методический кабинет областной организации");
		// drafting again keeps the draft as it is
		draft("ru");
		assertThat(current("ru").id()).isEqualTo(d.id());
		assertThat(jdbc.sql("select count(*) from resolution_draft").query(Long.class).single()).isOne();
	}

	@Test
	void theKazakhDraftSpeaksKazakh() throws Exception {
		approveReport("kk");
		draft("kk");
		assertThat(page("kk", "methodologist")).contains("жылғы анықтама бойынша қаулы жобасы")
			.contains("тексеру комиссияларының мүшелерін").contains("облыстық ұйымның әдістемелік кабинеті")
			.contains("Тексеру комиссияларының мүшелері");
		// a refusal in Kazakh, and nothing stored
		ResolutionDraft d = current("kk");
		ResolutionDraft.Item sub = d.items().stream().filter(ResolutionDraft.Item::sub).findFirst().orElseThrow();
		List<Map<String, Object>> before = rows();
		String refused = mvc.perform(save("kk", d, "text_" + sub.id(), "")).andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("Өріс бос болмауы керек.");
		assertThat(rows()).isEqualTo(before);
		// the executive committee reads it and cannot change it
		assertThat(page("kk", "executive")).contains("тексеру комиссияларының мүшелерін").doesNotContain("id=\"save-draft\"");
	}

	@Test
	void aDraftFromAReportThatIsNotApprovedIsRefused() throws Exception {
		mvc.perform(post("/staff-reports/resolution").param("year", "2026").param("lang", "ru").with(csrf())
			.with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "resdraft.error.notApproved"));
		assertThat(jdbc.sql("select count(*) from resolution_draft").query(Long.class).single()).isZero();
		assertThat(page("ru", "methodologist")).contains("Сначала утвердите справку").doesNotContain("id=\"draft-resolution\"");
	}

	@Test
	void badEditsAreRefusedInTheUsersLanguageAndChangeNothing() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft d = current("ru");
		ResolutionDraft.Item sub = d.items().stream().filter(ResolutionDraft.Item::sub).findFirst().orElseThrow();
		List<Map<String, Object>> before = rows();

		String page = mvc.perform(save("ru", d, "text_" + sub.id(), "   ", "title", "Новое название"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Поле не может быть пустым.").contains("Новое название");
		page = mvc.perform(save("ru", d, "deadline_" + sub.id(), "2026-13-45"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Неверная дата.");
		page = mvc.perform(save("ru", d, "owner_" + sub.id(), ""))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Укажите ответственных.");
		page = mvc.perform(save("ru", d, "deadline_" + sub.id(), "2040-01-01"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Срок — с 2025 по 2031 год.");
		page = mvc.perform(save("ru", d, "title", "x".repeat(501)))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Не больше 500 знаков.");
		page = mvc.perform(save("ru", d, "signerName", "М".repeat(301), "title", "Новое название"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Не больше 300 знаков.").contains("Новое название");
		assertThat(rows()).isEqualTo(before);

		// a save against an older version is a conflict, not an overwrite
		mvc.perform(save("ru", d, "text_" + sub.id(), "Новый текст подпункта.")).andExpect(status().is3xxRedirection());
		List<Map<String, Object>> saved = rows();
		mvc.perform(save("ru", d, "text_" + sub.id(), "Чужая правка.")).andExpect(status().isConflict());
		assertThat(rows()).isEqualTo(saved);
	}

	@Test
	void itemsAreRemovedAndMoved() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft d = current("ru");
		ResolutionDraft.Item first = d.items().get(0);
		ResolutionDraft.Item second = d.items().stream().filter(i -> !i.sub() && i.id() != first.id()).findFirst()
			.orElseThrow();
		mvc.perform(post("/staff-reports/resolution/items/move").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(d.version())).param("item", String.valueOf(first.id())).param("direction", "down")
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		ResolutionDraft moved = current("ru");
		assertThat(moved.items().get(0).id()).isEqualTo(second.id());
		assertThat(moved.items().stream().filter(i -> i.id() == first.id()).findFirst().orElseThrow().number()).isEqualTo("3");
		// removing an item takes its sub-items with it
		long subsOfFirst = d.items().stream().dropWhile(i -> i.id() != first.id()).skip(1).takeWhile(ResolutionDraft.Item::sub)
			.count();
		mvc.perform(post("/staff-reports/resolution/items/remove").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(moved.version())).param("item", String.valueOf(first.id()))
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		assertThat(current("ru").items()).hasSize(d.items().size() - 1 - (int) subsOfFirst)
			.noneMatch(i -> i.id() == first.id());
		// a sub-item added under the (new) first item comes after its sub-items; an item added goes last
		ResolutionDraft before = current("ru");
		ResolutionDraft.Item head = before.items().get(0);
		long subsOfHead = before.items().stream().skip(1).takeWhile(ResolutionDraft.Item::sub).count();
		mvc.perform(post("/staff-reports/resolution/items/add").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(before.version())).param("parent", String.valueOf(head.id()))
			.with(csrf()).with(users.as("methodologist"))).andExpect(status().is3xxRedirection());
		ResolutionDraft withSub = current("ru");
		ResolutionDraft.Item added = withSub.items().get(1 + (int) subsOfHead);
		assertThat(added.sub()).isTrue();
		assertThat(added.number()).isEqualTo(head.number() + "." + (subsOfHead + 1));
		assertThat(added.text()).isEqualTo("Текст нового подпункта.");
		assertThat(added.owner()).isEqualTo("методический кабинет областной организации");
		assertThat(added.deadline()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(added.sourceKey()).isNull();
		mvc.perform(post("/staff-reports/resolution/items/add").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(withSub.version())).with(csrf()).with(users.as("methodologist")))
			.andExpect(status().is3xxRedirection());
		List<ResolutionDraft.Item> last = current("ru").items();
		assertThat(last.get(last.size() - 1).sub()).isFalse();
		assertThat(last.get(last.size() - 1).text()).isEqualTo("Текст нового пункта.");
		assertThat(last).hasSize(withSub.items().size() + 1);
	}

	@Test
	void whatWasTypedComesAlongWhenAnItemIsMovedAddedOrRemoved() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft d = current("ru");
		ResolutionDraft.Item first = d.items().get(0);
		ResolutionDraft.Item sub = d.items().stream().filter(ResolutionDraft.Item::sub).findFirst().orElseThrow();
		// the page: the item buttons send the texts' form; its first submit button (Enter's) saves
		String html = page("ru", "methodologist");
		String form = html.substring(html.indexOf("id=\"resolution-form\""));
		form = form.substring(0, form.indexOf("</form>"));
		String firstButton = form.substring(form.indexOf("<button"), form.indexOf(">", form.indexOf("<button")));
		assertThat(firstButton).doesNotContain("formaction");
		assertThat(form).contains("formaction=\"/staff-reports/resolution/items/move?direction=down\"")
			.contains("formaction=\"/staff-reports/resolution/items/remove\"")
			.contains("name=\"item\" value=\"" + first.id() + "\"");
		// moved with a title and a sub-item's text typed and not saved: both stored, and the item moved
		mvc.perform(form("/staff-reports/resolution/items/move", "ru", d, "title", "Постановление с правкой",
				"text_" + sub.id(), "Правка подпункта.").param("item", String.valueOf(first.id())).param("direction", "down"))
			.andExpect(status().is3xxRedirection());
		ResolutionDraft moved = current("ru");
		assertThat(moved.title()).isEqualTo("Постановление с правкой");
		assertThat(moved.items()).filteredOn(i -> i.id() == sub.id()).extracting(ResolutionDraft.Item::text)
			.containsExactly("Правка подпункта.");
		assertThat(moved.items().get(0).id()).isNotEqualTo(first.id());
		assertThat(moved.version()).isEqualTo(d.version() + 1);

		// a typed field the rules refuse: the page again with everything typed and the error, nothing stored
		List<Map<String, Object>> before = rows();
		String page = mvc.perform(form("/staff-reports/resolution/items/add", "ru", moved, "owner_" + sub.id(), "",
				"preamble", "Новая преамбула"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Укажите ответственных.").contains("Новая преамбула");
		assertThat(rows()).isEqualTo(before);
		// valid typing with "add item": stored, and the item added
		mvc.perform(form("/staff-reports/resolution/items/add", "ru", moved, "preamble", "Новая преамбула"))
			.andExpect(status().is3xxRedirection());
		ResolutionDraft added = current("ru");
		assertThat(added.preamble()).isEqualTo("Новая преамбула");
		assertThat(added.items()).hasSize(moved.items().size() + 1);

		// removed with its own text emptied (not checked: it goes) and another field typed (stored)
		mvc.perform(form("/staff-reports/resolution/items/remove", "ru", added, "text_" + sub.id(), "", "controlBy",
				"председатель областной организации").param("item", String.valueOf(sub.id())))
			.andExpect(status().is3xxRedirection());
		ResolutionDraft removed = current("ru");
		assertThat(removed.items()).noneMatch(i -> i.id() == sub.id()).hasSize(added.items().size() - 1);
		assertThat(removed.controlBy()).isEqualTo("председатель областной организации");
		assertThat(removed.title()).isEqualTo("Постановление с правкой");
	}

	@Test
	void aSaveAfterSomeoneElsesStoresNothingKeepsWhatWasTypedAndShowsWhatChangedMeanwhile() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft opened = current("ru");
		ResolutionDraft.Item first = opened.items().get(0);
		// a colleague saves first, from the same page
		mvc.perform(save("ru", opened, "title", "Постановление коллеги")).andExpect(status().is3xxRedirection());
		List<Map<String, Object>> before = rows();
		// this save, of the page opened before: refused, nothing of it stored, the typing on the page
		String page = mvc.perform(save("ru", opened, "text_" + first.id(), "Мой пункт, набранный заново."))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(rows()).isEqualTo(before);
		ResolutionDraft now = current("ru");
		assertThat(page).contains("Пока вы редактировали, проект постановления сохранил другой пользователь")
			.contains("Мой пункт, набранный заново.")
			.contains("name=\"version\" value=\"" + now.version() + "\"")
			// beside the title (typed as it was read): the colleague's; beside the item: what it still holds
			.contains("id=\"meanwhile-title\"").contains("Постановление коллеги")
			.contains("aria-describedby=\"meanwhile-title\"")
			.contains("id=\"meanwhile-text_" + first.id() + "\"")
			.doesNotContain("id=\"meanwhile-preamble\"");
		// sent again from that page (its version), it is stored
		mvc.perform(save("ru", now, "text_" + first.id(), "Мой пункт, набранный заново."))
			.andExpect(status().is3xxRedirection());
		assertThat(current("ru").items().get(0).text()).isEqualTo("Мой пункт, набранный заново.");
		assertThat(current("ru").title()).as("the colleague's title, which the second page showed").isEqualTo(
				"Постановление коллеги");

		// the adoption of a draft changed since its page was read: not adopted, the typed number kept
		String adoption = mvc.perform(post("/staff-reports/resolution/adoption").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(now.version())).param("number", "14").param("item", "2")
			.param("adoptedOn", "2026-03-05").with(csrf()).with(users.as("methodologist")))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(adoption).contains("Пока вы оформляли принятие, проект постановления изменил другой пользователь")
			.contains("value=\"14\"");
		assertThat(current("ru").frozen()).isFalse();
	}

	@Test
	void adoptingRecordsTheResolutionWithItsTasksOnceAndFreezesTheDraft() throws Exception {
		approveReport("ru");
		draft("ru");
		ResolutionDraft d = current("ru");
		ResolutionDraft.Item audit = d.items().stream().filter(i -> "f_category_AUDIT_COMMISSION".equals(i.sourceKey()))
			.findFirst().orElseThrow();
		mvc.perform(save("ru", d, "text_" + audit.id(), "Обучить членов ревизионных комиссий всех первичных организаций.",
				"deadline_" + audit.id(), "2026-09-30")).andExpect(status().is3xxRedirection());
		d = current("ru");
		long resolutionsBefore = jdbc.sql("select count(*) from resolution").query(Long.class).single();

		// the number is required, the date not in the future, and No. 9 item 2 of 2026 is already recorded
		String page = adopt(d, "", "", "2026-03-05").andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Укажите номер постановления.");
		page = adopt(d, "14", "", "2099-03-05").andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Дата принятия не может быть в будущем.");
		page = adopt(d, "9", "2", "2026-03-05").andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Постановление с этим номером и пунктом в этом году уже внесено.");
		assertThat(jdbc.sql("select count(*) from resolution").query(Long.class).single()).isEqualTo(resolutionsBefore);
		assertThat(current("ru").frozen()).isFalse();

		String location = adopt(d, "14", "3", "2026-03-05").andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/resolutions/");
		long id = Long.parseLong(location.substring("/resolutions/".length()));
		CurrentUser me = users.current("methodologist");
		ResolutionView r = resolutions.resolution(me, id);
		assertThat(r.number()).isEqualTo("14");
		assertThat(r.item()).isEqualTo("3");
		assertThat(r.adoptedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
		assertThat(r.titleRu()).startsWith("Об оценке эффективности действующей системы профсоюзного обучения");
		assertThat(r.body()).contains("1. Принять справку").contains("Ответственные:")
			.contains("Контроль за исполнением настоящего постановления осуществляет заместитель председателя");
		assertThat(r.controlBy()).isEqualTo("заместитель председателя областной организации");
		long subs = d.items().stream().filter(ResolutionDraft.Item::sub).count();
		assertThat(r.tasks()).hasSize((int) subs);
		TaskView task = r.tasks().stream().filter(t -> t.description().contains("Обучить членов ревизионных комиссий"))
			.findFirst().orElseThrow();
		assertThat(task.description()).isEqualTo("Обучить членов ревизионных комиссий всех первичных организаций.");
		assertThat(r.body()).contains(audit.number() + ". Обучить членов ревизионных комиссий всех первичных организаций.");
		assertThat(task.responsible()).isEqualTo(audit.owner());
		assertThat(task.deadline()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(resolutions.list(me)).anyMatch(row -> row.id() == id);
		// the resolutions pages show it, as any other
		String list = mvc.perform(get("/resolutions").param("lang", "ru").with(users.as("methodologist")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("/resolutions/" + id);

		ResolutionDraft adopted = current("ru");
		assertThat(adopted.frozen()).isTrue();
		assertThat(adopted.adoption().resolutionId()).isEqualTo(id);
		assertThat(page("ru", "methodologist")).contains("Принято постановлением исполкома № 14 п. 3 от 05.03.2026")
			.doesNotContain("id=\"save-draft\"").doesNotContain("id=\"adopt\"");
		// adopting twice, or editing after, is refused and records nothing
		page = adopt(adopted, "15", "", "2026-03-06").andExpect(status().isUnprocessableEntity()).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Постановление уже принято");
		mvc.perform(save("ru", adopted)).andExpect(status().isUnprocessableEntity());
		assertThat(jdbc.sql("select count(*) from resolution").query(Long.class).single()).isEqualTo(resolutionsBefore + 1);
	}

	@Test
	void nextYearsPlanDraftCitesTheAdoptedResolution() throws Exception {
		CurrentUser me = users.current("methodologist");
		java.math.BigDecimal target = new java.math.BigDecimal("25");
		// before an adoption: resolution No. 9 of the source documents
		assertThat(planDrafts.preview(me, 2027, target).items()).map(i -> i.reason(RU))
			.anyMatch(r -> r.contains("Постановление № 9 от 20.02.2026"))
			.noneMatch(r -> r.contains("принятое по справке"));
		approveReport("ru");
		draft("ru");
		adopt(current("ru"), "14", "3", "2026-03-05").andExpect(status().is3xxRedirection());
		assertThat(drafts.adopted(me, java.util.Optional.empty(), 2026)).get()
			.extracting(ResolutionDraft.Adoption::number).isEqualTo("14");
		var items = planDrafts.preview(me, 2027, target).items();
		assertThat(items).map(i -> i.reason(RU))
			.anyMatch(r -> r.contains("Постановление № 14 от 05.03.2026, принятое по справке 2026 года"))
			.noneMatch(r -> r.contains("№ 9 от 20.02.2026"));
		assertThat(items).map(i -> i.reason(java.util.Locale.forLanguageTag("kk")))
			.anyMatch(r -> r.contains("2026 жылғы анықтама бойынша қабылданған 05.03.2026 жылғы № 14 қаулы"));
	}

	private org.springframework.test.web.servlet.ResultActions adopt(ResolutionDraft d, String number, String item,
			String on) throws Exception {
		return mvc.perform(post("/staff-reports/resolution/adoption").param("year", "2026").param("lang", "ru")
			.param("version", String.valueOf(d.version())).param("number", number).param("item", item)
			.param("adoptedOn", on).with(csrf()).with(users.as("methodologist")));
	}

	@Test
	void theDocxCarriesTheItemsWithOwnersAndDeadlines() throws Exception {
		approveReport("ru");
		draft("ru");
		byte[] file = mvc.perform(get("/staff-reports/resolution.docx").param("year", "2026").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> lines = StaffReportTests.lines(file);
		String text = String.join("\n", lines);
		assertThat(text).contains("ПОСТАНОВЛЕНИЕ").contains("ПРОЕКТ").contains("1. Принять справку")
			.contains("членов ревизионных комиссий").contains("Ответственные: ").contains("Срок: до 31.12.2026.");
		// it ends as resolution No. 9 does: the signer's title, and a line to sign on until a name is typed
		assertThat(lines.get(lines.size() - 1)).isEqualTo("Председатель | ____________________");

		mvc.perform(save("ru", current("ru"), "signerTitle", "Председатель Профсоюза", "signerName", "А. Мукашева"))
			.andExpect(status().is3xxRedirection());
		file = mvc.perform(get("/staff-reports/resolution.docx").param("year", "2026").param("lang", "ru")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		lines = StaffReportTests.lines(file);
		assertThat(lines.get(lines.size() - 1)).isEqualTo("Председатель Профсоюза | А. Мукашева");
		// kept for a look in Word or LibreOffice (libreoffice --headless --convert-to pdf)
		java.nio.file.Files.write(java.nio.file.Path.of("target", "resolution-draft-ru.docx"), file);
		assertThat(page("ru", "methodologist")).contains("value=\"А. Мукашева\"");
		assertThat(page("ru", "executive")).contains("id=\"resolution-signature\"").contains("А. Мукашева");
	}

	@Test
	void aKazakhDraftEndsWithTheKazakhSignerTitle() throws Exception {
		approveReport("kk");
		draft("kk");
		assertThat(current("kk").signerTitle()).isEqualTo("Төраға");
		byte[] file = mvc.perform(get("/staff-reports/resolution.docx").param("year", "2026").param("lang", "kk")
			.with(users.as("methodologist"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> lines = StaffReportTests.lines(file);
		assertThat(lines.get(lines.size() - 1)).isEqualTo("Төраға | ____________________");
	}

	@Test
	void aChairSeesNoneOfItAndTheExecutiveOnlyReads() throws Exception {
		approveReport("ru");
		mvc.perform(get("/staff-reports/resolution").param("year", "2026").with(users.as("chair")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff-reports/resolution").param("year", "2026").with(csrf()).with(users.as("chair")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/staff-reports/resolution").param("year", "2026").with(csrf()).with(users.as("executive")))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from resolution_draft").query(Long.class).single()).isZero();
		mvc.perform(get("/staff-reports/resolution.docx").param("year", "2026").with(users.as("chair")))
			.andExpect(status().isForbidden());
	}
}
