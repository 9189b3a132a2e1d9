package kz.oqytu.materials.domain;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.materials.FileType;
import kz.oqytu.materials.MaterialCommand;
import kz.oqytu.materials.MaterialDownload;
import kz.oqytu.materials.MaterialFile;
import kz.oqytu.materials.MaterialLanguage;
import kz.oqytu.materials.MaterialTestFiles;
import kz.oqytu.materials.MaterialType;
import kz.oqytu.materials.Materials;
import kz.oqytu.testsupport.OqytuIntegrationTest;
import kz.oqytu.testsupport.StatementCounter;
import kz.oqytu.testsupport.Users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Downloads send the exact bytes with the right headers, and a file is read from the database one
 * chunk per statement as it is written out, never loaded whole.
 */
@OqytuIntegrationTest
@Transactional
class FileStreamingTests {

	private static final int LARGE = 15 * 1024 * 1024 + 12_345;

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	Materials materials;

	@Test
	void aDownloadIsTheExactBytesWithTheRightHeaders() throws Exception {
		byte[] docx = MaterialTestFiles.docx("Жүктеп алу");
		long id = create("Жүктеу", "Нұсқаулық \"жаңа\".docx", docx);
		long version = materials.details(users.current("methodologist"), id).latestVersionId();
		byte[] body = mvc.perform(get("/materials/" + id + "/versions/" + version + "/download").with(users.as("executive")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", FileType.DOCX.mediaType()))
			.andExpect(header().string("Content-Length", Integer.toString(docx.length)))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition",
					containsString("filename*=UTF-8''%D0%9D%D2%B1%D1%81%D2%9B%D0%B0%D1%83%D0%BB%D1%8B%D2%9B%20_%D0%B6%D0%B0%D2%A3%D0%B0_.docx")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(MaterialTestFiles.sha256(body)).isEqualTo(MaterialTestFiles.sha256(docx));
	}

	@Test
	void aLargeFileIsStoredInChunksAndReadBackOneChunkPerStatement() throws Exception {
		byte[] large = MaterialTestFiles.largePdf(LARGE);
		long id = create("Үлкен файл", "large.pdf", large);
		CurrentUser executive = users.current("executive");
		long version = materials.details(executive, id).latestVersionId();
		MaterialDownload download = materials.download(executive, id, version);
		assertThat(download.size()).isEqualTo(LARGE);
		assertThat(download.content()).isInstanceOf(ChunkedResource.class);
		assertThat(download.content().contentLength()).isEqualTo(LARGE);
		int chunks = (LARGE + FileStore.CHUNK_BYTES - 1) / FileStore.CHUNK_BYTES;

		StatementCounter.reset();
		byte[] buffer = new byte[64 * 1024];
		var sha = FileInspector.sha256();
		long total = 0;
		int largestRead = 0;
		try (InputStream in = download.content().getInputStream()) {
			assertThat(StatementCounter.count()).as("opening reads nothing").isZero();
			int n = in.read(buffer);
			assertThat(StatementCounter.count()).as("the first read fetches one chunk").isEqualTo(1);
			while (n > 0) {
				sha.update(buffer, 0, n);
				total += n;
				largestRead = Math.max(largestRead, n);
				n = in.read(buffer);
			}
		}
		assertThat(total).isEqualTo(LARGE);
		assertThat(java.util.HexFormat.of().formatHex(sha.digest())).isEqualTo(MaterialTestFiles.sha256(large));
		assertThat(StatementCounter.count()).as("one statement per chunk").isEqualTo(chunks);
		assertThat(largestRead).isLessThanOrEqualTo(FileStore.CHUNK_BYTES);
	}

	@Test
	void aLargeFileDownloadsWholeThroughTheController() throws Exception {
		byte[] large = MaterialTestFiles.largePdf(LARGE);
		long id = create("Үлкен жүктеу", "large.pdf", large);
		long version = materials.details(users.current("methodologist"), id).latestVersionId();
		StatementCounter.reset();
		byte[] body = mvc.perform(get("/materials/" + id + "/versions/" + version + "/download").with(users.as("methodologist")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Length", Integer.toString(LARGE)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(MaterialTestFiles.sha256(body)).isEqualTo(MaterialTestFiles.sha256(large));
		int chunks = (LARGE + FileStore.CHUNK_BYTES - 1) / FileStore.CHUNK_BYTES;
		assertThat(StatementCounter.count()).as("the body was read chunk by chunk").isGreaterThanOrEqualTo(chunks);
	}

	@Test
	void aRangeRequestResumesABrokenDownloadWithoutReadingTheChunksBefore() throws Exception {
		byte[] large = MaterialTestFiles.largePdf(3 * FileStore.CHUNK_BYTES + 100);
		long id = create("Жалғастыру", "resume.pdf", large);
		long version = materials.details(users.current("methodologist"), id).latestVersionId();
		int from = 2 * FileStore.CHUNK_BYTES + 10;
		int to = from + 999;
		byte[] body = mvc.perform(get("/materials/" + id + "/versions/" + version + "/download")
			.header("Range", "bytes=" + from + "-" + to)
			.with(users.as("methodologist")))
			.andExpect(status().isPartialContent())
			.andExpect(header().string("Content-Range", "bytes " + from + "-" + to + "/" + large.length))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).isEqualTo(Arrays.copyOfRange(large, from, to + 1));
	}

	private long create(String title, String filename, byte[] bytes) {
		return materials.create(users.current("methodologist"), new MaterialCommand(title, null, MaterialType.OTHER,
				MaterialLanguage.KK, null, Set.of(), Set.of()), MaterialFile.of(filename, bytes));
	}
}
