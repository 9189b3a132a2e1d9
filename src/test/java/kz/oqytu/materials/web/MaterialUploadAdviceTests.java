package kz.oqytu.materials.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

import kz.oqytu.materials.Materials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** An upload over the multipart limit goes back to its form with the limit, never to an error page. */
class MaterialUploadAdviceTests {

	private final Materials materials = mock(Materials.class);

	private final MaterialUploadAdvice advice = new MaterialUploadAdvice(materials);

	@Test
	void aTooLargeMaterialUploadGoesBackToItsFormWithTheLimit() throws Exception {
		when(materials.maxFileBytes()).thenReturn(20L * 1024 * 1024);
		for (String path : new String[] { "/materials/new", "/materials/42/versions/new" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
			FlashMap flash = new FlashMap();
			request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, flash);
			assertThat(advice.tooLarge(new MaxUploadSizeExceededException(33L * 1024 * 1024), request))
				.isEqualTo("redirect:" + path);
			assertThat(flash.get("flashError")).isEqualTo("materials.error.fileTooLarge");
			assertThat((Object[]) flash.get("flashArgs")).containsExactly(20L);
		}
	}

	@Test
	void otherUploadsKeepSpringsHandling() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/budget/import");
		MaxUploadSizeExceededException ex = new MaxUploadSizeExceededException(33L * 1024 * 1024);
		assertThatThrownBy(() -> advice.tooLarge(ex, request)).isSameAs(ex);
	}
}
