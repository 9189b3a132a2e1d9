package kz.oqytu.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.materials.DistributionCommand;
import kz.oqytu.materials.DistributionTarget;
import kz.oqytu.materials.MaterialCommand;
import kz.oqytu.materials.MaterialFile;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialType;
import kz.oqytu.materials.Materials;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.organizations.UnitInfo;
import kz.oqytu.shared.pdf.PdfRenderer;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.EventRow;
import kz.oqytu.training.EventStatus;
import kz.oqytu.training.TrainingEvents;
import java.time.Clock;

/**
 * Methodical materials as the resolution of 20.02.2026 asks for them: six materials (cases,
 * recommendations, a thematic collection, a guide, a plan template in Excel, a presentation) with
 * small real files, two of them in a second version, sent to every organization or to some
 * districts from March 2026, with downloads and acknowledgements (the demo chair's organization
 * among them, and missing the newest case collection). Written through the materials module as the
 * regional methodologist; deterministic from a seed.
 */
@Component
class DemoMaterials {

	private static final long CITY = 3;

	private static final long ALGA = 4;

	private static final long BAIGANIN = 6;

	private static final long MUGALZHAR = 11;

	private static final long KHROMTAU = 14;

	private static final long SHALKAR = 15;

	private final Materials materials;

	private final Organizations organizations;

	private final TrainingEvents events;

	private final PdfRenderer pdf;

	private final Clock clock;

	DemoMaterials(Materials materials, Organizations organizations, TrainingEvents events, PdfRenderer pdf, Clock clock) {
		this.clock = clock;
		this.materials = materials;
		this.organizations = organizations;
		this.events = events;
		this.pdf = pdf;
	}

	void load(CurrentUser loader, long chairOrganizationId) {
		UnitInfo region = organizations.info(DemoDataLoader.REGION_ID).orElseThrow();
		// The materials belong to the regional organization, as its methodical cabinet makes them.
		CurrentUser methodologist = new CurrentUser(loader.id(), loader.username(), loader.fullName(), Role.METHODOLOGIST,
				region.id(), region.path());
		Random random = new Random(20260220);

		long cases = materials.create(methodologist,
				command("Еңбек даулары: кейстер жинағы", "Трудовые споры: сборник кейсов", MaterialType.CASE,
						MaterialLanguage.KK_RU,
						"Бастауыш ұйым төрағалары мен келісу комиссияларының мүшелеріне арналған нақты жағдаяттар: "
								+ "жұмыстан шығару, еңбекақы, демалыс, тәртіптік жаза.",
						Set.of("LABOUR_LAW", "LEGAL_LITERACY"), events(methodologist, "LABOUR_LAW", 2)),
				MaterialFile.of("enbek-daulary-keister.pdf", casesPdf(false)));
		long casesV1 = latest(methodologist, cases);
		send(methodologist, cases, casesV1, LocalDate.of(2026, 3, 2),
				"Аудандық семинар-кеңестерге дайындық үшін / Для подготовки к районным семинарам-совещаниям",
				DistributionTarget.ALL, Set.of(), Set.of());
		long casesV2 = materials.addVersion(methodologist, cases, version(methodologist, cases),
				"Еңбек демалысы мен қашықтан жұмыс туралы екі жаңа кейс қосылды / Добавлены два кейса об отпуске и дистанционной работе",
				MaterialFile.of("enbek-daulary-keister-2.pdf", casesPdf(true)));
		send(methodologist, cases, casesV2, LocalDate.of(2026, 4, 14), "Көшпелі оқыту кестесі бойынша",
				DistributionTarget.DISTRICTS, Set.of(ALGA, MUGALZHAR, KHROMTAU), Set.of());

		long agreement = materials.create(methodologist,
				command("Ұжымдық шарт жобасын дайындау: практикалық ұсынымдар",
						"Подготовка проекта коллективного договора: практические рекомендации",
						MaterialType.RECOMMENDATION, MaterialLanguage.KK_RU,
						"Келіссөздерді бастаудан бастап ұжымдық шартқа қол қоюға дейінгі қадамдар, үлгі тармақтар.",
						Set.of("COLLECTIVE_AGREEMENT", "NEGOTIATIONS"), events(methodologist, "COLLECTIVE_AGREEMENT", 1)),
				MaterialFile.of("uzhymdyq-shart-usynymdar.pdf", simplePdf("Ұжымдық шарт жобасын дайындау",
						"Подготовка проекта коллективного договора",
						List.of("1. Келіссөздерді бастау туралы ұсыныс жіберу.", "2. Тараптардың комиссиясын құру.",
								"3. Еңбекақы мен әлеуметтік кепілдіктер бөлімін талқылау.",
								"4. Жобаны ұжымның жалпы жиналысында талқылау.", "5. Шартқа қол қою және тіркеу."))));
		long agreementV1 = latest(methodologist, agreement);
		send(methodologist, agreement, agreementV1, LocalDate.of(2026, 3, 16),
				"Ұжымдық шарт жасасу науқанына / К кампании по заключению коллективных договоров",
				DistributionTarget.ALL, Set.of(), Set.of());

		long finance = materials.create(methodologist,
				command("Қаржылық сауаттылық: тақырыптық жинақ", "Финансовая грамотность: тематический сборник",
						MaterialType.COLLECTION, MaterialLanguage.KK,
						"Отбасылық бюджет, несие мен микроқаржы, қаржылық алаяқтықтан қорғану.",
						Set.of("FINANCIAL_LITERACY"), events(methodologist, "FINANCIAL_LITERACY", 1)),
				MaterialFile.of("qarzhylyq-sauattylyq.pdf", simplePdf("Қаржылық сауаттылық", "Финансовая грамотность",
						List.of("Отбасылық бюджетті жоспарлау.", "Несие алудың алдында нені тексеру керек.",
								"Қаржылық пирамиданың белгілері.", "Кәсіподақ мүшелеріне арналған жеңілдіктер."))));
		long financeV1 = latest(methodologist, finance);
		send(methodologist, finance, financeV1, LocalDate.of(2026, 4, 1), null,
				DistributionTarget.DISTRICTS, Set.of(CITY, BAIGANIN, SHALKAR), Set.of());

		long audit = materials.create(methodologist,
				command("Тексеру комиссиясының жұмысы: әдістемелік құрал",
						"Работа ревизионной комиссии: методическое пособие", MaterialType.GUIDE, MaterialLanguage.RU,
						"Тексеру жоспары, актінің үлгісі, сметаның орындалуын тексеру.",
						Set.of("FINANCIAL_LITERACY", "LEGAL_LITERACY"), List.of()),
				MaterialFile.of("revizionnaya-komissiya.docx", auditDocx(false)));
		send(methodologist, audit, latest(methodologist, audit), LocalDate.of(2026, 2, 27), null,
				DistributionTarget.ALL, Set.of(), Set.of());
		// The second version is uploaded but not sent yet: every organization still lacks it.
		materials.addVersion(methodologist, audit, version(methodologist, audit),
				"Жаңа акт үлгісі / Новый образец акта", MaterialFile.of("revizionnaya-komissiya-2026.docx", auditDocx(true)));

		long plan = materials.create(methodologist,
				command("Кәсіподақтық оқыту мектебінің жылдық жоспары (үлгі)",
						"Годовой план школы профсоюзного обучения (образец)", MaterialType.OTHER, MaterialLanguage.KK_RU,
						"Бастауыш ұйымның оқыту мектебі жоспарының Excel үлгісі.", Set.of("OTHER"), List.of()),
				MaterialFile.of("oqytu-mektebi-zhospar.xlsx", planXlsx()));
		Set<Long> chosen = new LinkedHashSet<>();
		if (chairOrganizationId > 0) {
			chosen.add(chairOrganizationId);
		}
		organizations.search(methodologist, new OrganizationCriteria(null, CITY, null, true, null, false, 0, 12))
			.forEach(o -> chosen.add(o.id()));
		send(methodologist, plan, latest(methodologist, plan), LocalDate.of(2026, 5, 5),
				"Оқыту мектептерінің жоспарлары 1 қыркүйекке дейін", DistributionTarget.ORGANIZATIONS, Set.of(), chosen);

		materials.create(methodologist,
				command("Ақпараттық сауаттылық: фейктен және алаяқтықтан қорғану",
						"Информационная грамотность: защита от фейков и мошенничества", MaterialType.PRESENTATION,
						MaterialLanguage.KK_RU, "Семинар-тренингке арналған слайдтар (PDF).",
						Set.of("INFORMATION_LITERACY"), events(methodologist, "INFORMATION_LITERACY", 1)),
				MaterialFile.of("aqparattyq-sauattylyq.pdf", simplePdf("Ақпараттық сауаттылық",
						"Информационная грамотность", List.of("Фейкті қалай тануға болады?",
								"Телефон алаяқтарының тәсілдері.", "Жеке деректерді қорғау."))));

		// Chairs at work: some download, some also acknowledge.
		List<Long> all = new ArrayList<>(materials.statusByOrganization(methodologist).keySet());
		Map<Long, UnitInfo> units = organizations.infos(all);
		for (long organization : all) {
			if (organization == chairOrganizationId) {
				continue;
			}
			UnitInfo unit = units.get(organization);
			CurrentUser chair = chair(unit);
			receive(chair, cases, casesV1, random, 55, 60);
			if (unit.parentId() != null && Set.of(ALGA, MUGALZHAR, KHROMTAU).contains(unit.parentId())) {
				receive(chair, cases, casesV2, random, 30, 50);
			}
			receive(chair, agreement, agreementV1, random, 45, 50);
			if (unit.parentId() != null && Set.of(CITY, BAIGANIN, SHALKAR).contains(unit.parentId())) {
				receive(chair, finance, financeV1, random, 35, 40);
			}
		}
		if (chairOrganizationId > 0) {
			CurrentUser chair = chair(organizations.info(chairOrganizationId).orElseThrow());
			materials.download(chair, cases, casesV1);
			materials.acknowledge(chair, cases, casesV1);
			materials.download(chair, agreement, agreementV1);
			materials.acknowledge(chair, agreement, agreementV1);
			materials.download(chair, finance, financeV1);
		}
	}

	private void receive(CurrentUser chair, long material, long version, Random random, int downloadPercent,
			int acknowledgePercent) {
		if (random.nextInt(100) < downloadPercent) {
			materials.download(chair, material, version);
			if (random.nextInt(100) < acknowledgePercent) {
				materials.acknowledge(chair, material, version);
			}
		}
	}

	private static CurrentUser chair(UnitInfo organization) {
		return new CurrentUser(0, "demo-chair-" + organization.id(), "Demo", Role.CHAIR, organization.id(),
				organization.path());
	}

	private void send(CurrentUser user, long material, long version, LocalDate date, String note,
			DistributionTarget target, Set<Long> districts, Set<Long> organizationIds) {
		LocalDate today = LocalDate.now(clock);
		materials.distribute(user, material, new DistributionCommand(version, date.isAfter(today) ? today : date, note,
				target, districts, organizationIds, List.of()));
	}

	private long latest(CurrentUser user, long material) {
		return materials.details(user, material).latestVersionId();
	}

	private int version(CurrentUser user, long material) {
		return materials.details(user, material).version();
	}

	private Set<Long> events(CurrentUser user, String topic, int count) {
		Set<Long> ids = new LinkedHashSet<>();
		for (EventRow row : events.search(user, new EventCriteria(2025, null, null, null, topic, EventStatus.HELD, null,
				null, EventCriteria.Sort.DATE, true, 0, count))) {
			ids.add(row.id());
		}
		return ids;
	}

	private static MaterialCommand command(String titleKk, String titleRu, MaterialType type, MaterialLanguage language,
			String description, Set<String> topics, java.util.Collection<Long> events) {
		return new MaterialCommand(titleKk, titleRu, type, language, description, topics, Set.copyOf(events));
	}

	// ---- files

	private byte[] casesPdf(boolean second) {
		List<String> items = new ArrayList<>(List.of(
				"Кейс 1. Мұғалімді штат қысқарту бойынша жұмыстан шығару: кәсіподақ ұйымының келісімі қажет пе?",
				"Кейс 2. Сыныптан тыс жұмыс үшін қосымша ақы төленбеді: қайда жүгіну керек?",
				"Кейс 3. Тәртіптік жаза: түсініктеме алмай бұйрық шығарылды.",
				"Кейс 4. Келісу комиссиясы: даулы мәселені қарау тәртібі."));
		if (second) {
			items.add("Кейс 5. Еңбек демалысын бөліп беру: қызметкердің келісімі.");
			items.add("Кейс 6. Қашықтан жұмыс: жұмыс уақыты мен байланыс құралдары.");
		}
		return simplePdf("Еңбек даулары: кейстер жинағы" + (second ? " (2-басылым)" : ""),
				"Трудовые споры: сборник кейсов", items);
	}

	private byte[] simplePdf(String titleKk, String titleRu, List<String> lines) {
		StringBuilder body = new StringBuilder();
		for (String line : lines) {
			body.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>");
		}
		return pdf.render("""
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><title>%s</title>
				<style>body { font-family: 'DejaVu Sans'; font-size: 11pt; } h1 { font-size: 16pt; }
				.ru { color: #555; } .foot { margin-top: 2em; font-size: 9pt; color: #777; }</style></head>
				<body><h1>%s</h1><p class="ru">%s</p>%s
				<p class="foot">Ақтөбе облыстық ұйымының әдістемелік кабинеті, 2026</p></body></html>
				""".formatted(HtmlUtils.htmlEscape(titleKk), HtmlUtils.htmlEscape(titleKk), HtmlUtils.htmlEscape(titleRu),
				body));
	}

	private static byte[] auditDocx(boolean second) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			paragraph(document, "Работа ревизионной комиссии первичной профсоюзной организации", true);
			paragraph(document, "1. План проверки на год.", false);
			paragraph(document, "2. Проверка исполнения сметы и расходования членских взносов.", false);
			paragraph(document, "3. Акт проверки: образец" + (second ? " (редакция 2026 года)." : "."), false);
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void paragraph(XWPFDocument document, String text, boolean bold) {
		XWPFParagraph paragraph = document.createParagraph();
		XWPFRun run = paragraph.createRun();
		run.setBold(bold);
		run.setText(text);
	}

	private static byte[] planXlsx() {
		try (XlsxWriter writer = new XlsxWriter()) {
			Sheet sheet = writer.sheet("Жоспар");
			writer.headers(sheet, 0, "Ай / Месяц", "Тақырып / Тема", "Нысаны / Форма", "Жауапты / Ответственный");
			String[] months = { "Қыркүйек", "Қазан", "Қараша", "Желтоқсан", "Қаңтар", "Ақпан", "Наурыз", "Сәуір", "Мамыр" };
			String[] topics = { "Еңбек заңнамасы", "Ұжымдық шарт", "Қаржылық сауаттылық", "Құқықтық сауаттылық",
					"Ақпараттық сауаттылық", "Тиімді коммуникация" };
			for (int i = 0; i < months.length; i++) {
				Row row = writer.row(sheet, i + 1);
				writer.text(row, 0, months[i]);
				writer.text(row, 1, topics[i % topics.length]);
				writer.text(row, 2, i % 2 == 0 ? "Семинар-практикум" : "Дөңгелек үстел");
				writer.text(row, 3, "Кәсіподақ комитетінің төрағасы");
			}
			return writer.toBytes();
		}
	}
}
