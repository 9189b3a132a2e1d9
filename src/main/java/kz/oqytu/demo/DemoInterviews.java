package kz.oqytu.demo;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.OrganizationCriteria;
import kz.oqytu.organizations.OrganizationRow;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.InterviewCommand;
import kz.oqytu.surveys.Interviews;

/**
 * Sample interviews of 2025–2026 with chairs, teachers and audit- and conciliation-commission
 * members on how they apply what they learned on labour law and financial literacy. Recorded
 * through the surveys module's service; the organizations are picked by district and position in
 * the registry, so the same ones every time.
 */
@Component
class DemoInterviews {

	private static final String METHODOLOGIST = "Сейтқалиева Гүлнар (әдіскер)";

	private static final String INSPECTOR = "Жұмабаев Ерлан (құқықтық инспектор)";

	private static final String COMMITTEE = "Омарова Динара (аудандық комитет)";

	/** An interview in a district: the organization is the n-th of the district by name (-1: the chair's). */
	private record Planned(LocalDate heldOn, long districtId, int nth, String interviewer, String role,
			String findings, Integer usefulness, Integer practicalUse, String notes) {
	}

	private static final List<Planned> PLANNED = List.of(
			new Planned(LocalDate.of(2025, 2, 18), 3, -1, METHODOLOGIST, "БКҰ төрағасы",
					"Еңбек заңнамасы бойынша семинардан кейін ұжымдық шартқа жүктеме мен сыныптан тыс жұмысқа ақы төлеу"
							+ " туралы бөлім қайта жазылды. Әкімшілікпен келіссөзде Еңбек кодексінің баптарына сүйене бастады.",
					5, 4, "Ұжымдық шарттың жаңа жобасын әдістемелік кабинетке тексеруге жібереді."),
			new Planned(LocalDate.of(2025, 3, 12), 4, 2, INSPECTOR, "мұғалім",
					"После выездного обучения по финансовой грамотности участница составила семейный бюджет и отказалась"
							+ " от микрокредита; просит разобрать на следующем занятии налоговые вычеты.",
					4, 4, null),
			new Planned(LocalDate.of(2025, 4, 23), 11, 5, METHODOLOGIST, "тексеру комиссиясының мүшесі",
					"Қаржылық сауаттылық практикумынан кейін тексеру комиссиясы мүшелік жарналардың түсуі мен жұмсалуын"
							+ " тексерудің актісін алғаш рет үлгі бойынша толтырды. Смета баптарын оқу әлі қиын.",
					5, 3, "Смета бойынша кейс-тапсырмалар жинағы қажет."),
			new Planned(LocalDate.of(2025, 5, 20), 14, 1, COMMITTEE, "кәсіподақ активисі",
					"Знания о порядке расследования несчастных случаев пригодились: активист добился включения"
							+ " представителя профсоюза в комиссию. Не хватает образцов документов на казахском языке.",
					4, 5, null),
			new Planned(LocalDate.of(2025, 9, 17), 15, 3, INSPECTOR, "келісу комиссиясының мүшесі",
					"Келісу комиссиясы еңбек дауын алғаш рет семинарда талданған рәсім бойынша қарады: хаттама уақытында"
							+ " жасалды, мұғалім сотқа жүгінбей, мәселе ұйым ішінде шешілді.",
					5, 5, null),
			new Planned(LocalDate.of(2025, 10, 8), 13, 0, METHODOLOGIST, "председатель ППО",
					"Семинар-совещание по коллективно-договорному регулированию полезен, но короткий формат не даёт"
							+ " отработать переговоры: председатель просит тренинг с ролевой игрой и разбор своего договора.",
					4, 3, "Учесть в плане обучения на 2026 год."),
			new Planned(LocalDate.of(2025, 11, 26), 3, 17, COMMITTEE, "мұғалім",
					"Қаржылық сауаттылық сабағынан кейін несиенің толық құнын есептеуді үйренді, әріптестеріне де"
							+ " түсіндірді. Зейнетақы жинақтары туралы тақырыпты тереңірек өтуді сұрайды.",
					5, 4, null),
			new Planned(LocalDate.of(2026, 1, 21), 9, 4, INSPECTOR, "член ревизионной комиссии",
					"Ревизионная комиссия применила чек-лист проверки сметы из материалов семинара; нашли расходы без"
							+ " решения профкома. Нужна консультация по оформлению заключения.",
					4, 4, null),
			new Planned(LocalDate.of(2026, 2, 25), 10, 2, METHODOLOGIST, "БКҰ төрағасы",
					"Атқару комитетінің 2026 жылғы 20 ақпандағы қаулысынан кейін мектепте құқықтық сауаттылық бойынша"
							+ " айлық кеңес өткізіле бастады. Жас мұғалімдердің еңбек шарты мен лауазымдық нұсқаулығы тексерілді.",
					5, 5, "Тәжірибені аудандағы басқа ұйымдарға тарату ұсынылды."),
			new Planned(LocalDate.of(2026, 3, 18), 5, 1, COMMITTEE, "учитель",
					"Тема трудовых прав полезна, но применить знания пока не удалось: руководство не согласовало изменения"
							+ " в графике. Нужна поддержка районного комитета.",
					null, 2, null),
			new Planned(LocalDate.of(2026, 4, 15), 12, 0, INSPECTOR, "кәсіподақ мүшесі",
					"Ақпараттық және құқықтық сауаттылық бойынша көшпелі оқытудан кейін еңбек демалысын есептеу тәртібін"
							+ " өзі тексеріп, бухгалтериямен қайта есептеу жасатты.",
					4, 5, null));

	private final Interviews interviews;

	private final Organizations organizations;

	DemoInterviews(Interviews interviews, Organizations organizations) {
		this.interviews = interviews;
		this.organizations = organizations;
	}

	/** Records the interviews as {@code loader} (an account that writes training data in the region). */
	void load(CurrentUser loader) {
		Long chairOrganization = organizations.nameIndex(loader)
			.get(Organizations.nameKey(DemoRegistry.CHAIR_ORGANIZATION_KK));
		for (Planned p : PLANNED) {
			Long organizationId = p.nth() < 0 ? chairOrganization : nth(loader, p.districtId(), p.nth());
			if (organizationId == null) {
				continue;
			}
			interviews.create(loader, new InterviewCommand(p.heldOn(), organizationId, p.interviewer(), p.role(),
					p.findings(), p.usefulness(), p.practicalUse(), p.notes()));
		}
	}

	private Long nth(CurrentUser loader, long districtId, int n) {
		List<OrganizationRow> rows = organizations.search(loader, new OrganizationCriteria(null, districtId, null, true,
				OrganizationCriteria.Sort.NAME, false, 0, n + 1)).getContent();
		return rows.isEmpty() ? null : rows.get(Math.min(n, rows.size() - 1)).id();
	}
}
