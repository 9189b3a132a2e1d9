package kz.oqytu.demo;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.materials.DeliveryStatus;
import kz.oqytu.materials.FileType;
import kz.oqytu.materials.MaterialCriteria;
import kz.oqytu.materials.MaterialDetails;
import kz.oqytu.materials.MaterialDownload;
import kz.oqytu.materials.MaterialRow;
import kz.oqytu.materials.MaterialStatus;
import kz.oqytu.materials.MaterialTestFiles;
import kz.oqytu.materials.Materials;
import kz.oqytu.materials.SentMaterial;
import kz.oqytu.materials.VersionView;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo materials, loaded through the service on first start: real files, versions, distributions, receipts. */
@OqytuIntegrationTest
@Transactional
class DemoMaterialsTests {


	@Autowired
	Materials materials;

	@Autowired
	Users users;

	@Autowired
	MockMvc mvc;

	@Test
	void loadsSixMaterialsWithRealFilesVersionsDistributionsAndTheChairsReceipts() throws Exception {
		CurrentUser chair = users.current("chair");
		CurrentUser methodologist = users.current("methodologist");
		// DemoDataLoader has loaded them on start, through DemoMaterials, like any first start.

		List<MaterialRow> library = materials.search(methodologist, new MaterialCriteria(null, null, null, null, null, 0, 100))
			.getContent();
		assertThat(library).hasSizeGreaterThanOrEqualTo(6);
		assertThat(library).extracting(MaterialRow::fileType).contains(FileType.PDF, FileType.DOCX, FileType.XLSX);
		assertThat(library).filteredOn(r -> r.versionNumber() == 2).hasSizeGreaterThanOrEqualTo(2);
		for (MaterialRow row : library) {
			MaterialDetails details = materials.details(methodologist, row.id());
			for (VersionView version : details.versions()) {
				MaterialDownload download = materials.download(methodologist, row.id(), version.id());
				try (InputStream in = download.content().getInputStream()) {
					assertThat(MaterialTestFiles.sha256(in.readAllBytes())).isEqualTo(version.sha256());
				}
			}
		}

		List<SentMaterial> received = materials.sentTo(chair, chair.scopeUnitId());
		assertThat(received).hasSizeGreaterThanOrEqualTo(4);
		assertThat(received).extracting(SentMaterial::status)
			.contains(DeliveryStatus.ACKNOWLEDGED, DeliveryStatus.DOWNLOADED, DeliveryStatus.SENT);
		assertThat(received).anySatisfy(s -> assertThat(s.latest()).isFalse());

		Map<Long, MaterialStatus> status = materials.statusByOrganization(methodologist);
		assertThat(status.values().stream().filter(s -> s.downloaded() > 0).count()).isGreaterThan(200);
		assertThat(status.values().stream().filter(s -> s.acknowledged() > 0).count()).isGreaterThan(100);
		assertThat(status.get(chair.scopeUnitId()).missingLatest()).isGreaterThanOrEqualTo(2);

		mvc.perform(get("/materials/sent").with(users.as("chair")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Еңбек даулары: кейстер жинағы")))
			.andExpect(content().string(containsString("Бұл материалдың жаңа нұсқасы бар.")));
	}
}
