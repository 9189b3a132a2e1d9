package kz.oqytu.demo;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.organizations.Organizations;
import kz.oqytu.surveys.InterviewCriteria;
import kz.oqytu.surveys.InterviewView;
import kz.oqytu.surveys.Interviews;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo interviews load through the service: 2025–2026, several districts, the demo chair's school among them. */
@OqytuIntegrationTest
@Transactional
class DemoInterviewsTests {

	@Autowired
	DemoInterviews demoInterviews;

	@Autowired
	Interviews interviews;

	@Autowired
	Organizations organizations;

	@Autowired
	Users users;

	@Test
	void theDemoInterviewsAreRecordedInTheRegion() {
		CurrentUser methodologist = users.current("methodologist");
		long before = interviews.search(methodologist, new InterviewCriteria(null, null, null, 0, 100)).getTotalElements();
		demoInterviews.load(DemoDataLoader.SYSTEM);
		List<InterviewView> all = interviews.search(methodologist, new InterviewCriteria(null, null, null, 0, 100))
			.getContent();
		assertThat(all.size() - before).isBetween(8L, 12L);
		assertThat(all).allSatisfy(i -> {
			assertThat(i.heldOn()).isBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31));
			assertThat(i.findings()).isNotBlank();
		});
		assertThat(all.stream().map(InterviewView::districtId).distinct().count()).isGreaterThanOrEqualTo(8);
		long chairSchool = organizations.nameIndex(methodologist)
			.get(Organizations.nameKey(DemoRegistry.CHAIR_ORGANIZATION_KK));
		assertThat(all).extracting(InterviewView::organizationId).contains(chairSchool);
		assertThat(all).extracting(InterviewView::respondentRole)
			.contains("БКҰ төрағасы", "мұғалім", "тексеру комиссиясының мүшесі");
	}
}
