package kz.oqytu.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import kz.oqytu.shared.BusinessRuleException;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A broken rule in a handler marked @OnRuleBroken goes back with its message; elsewhere it stays a 400. */
class RuleBrokenRedirectsTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
		.setControllerAdvice(new RuleBrokenRedirects())
		.build();

	@Test
	void goesBackToTheAddressWithTheRulesMessageAndArguments() throws Exception {
		mvc.perform(post("/things/7/entries/3/confirm"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/things/7#entries"))
			.andExpect(flash().attribute("flashError", "things.error.full"))
			.andExpect(flash().attribute("flashArgs", new Object[] { 3L }))
			.andExpect(flash().attributeCount(2));
	}

	@Test
	void keepsTheNamedParametersThatTheRequestHasAndFillsTheFragmentFromAParameter() throws Exception {
		mvc.perform(post("/drafts/move").param("year", "2027").param("region", "").param("item", "12"))
			.andExpect(redirectedUrl("/drafts?year=2027#item-12"))
			.andExpect(flash().attribute("flashError", "things.error.top"))
			.andExpect(flash().attributeCount(1));
		mvc.perform(post("/drafts/move").param("year", "2027").param("region", "5").param("item", "12"))
			.andExpect(redirectedUrl("/drafts?year=2027&region=5#item-12"));
	}

	@Test
	void aHandlerWithoutTheAnnotationAnswers400AsBefore() throws Exception {
		mvc.perform(post("/things/7/plain")).andExpect(status().isBadRequest());
	}

	@Test
	void theHandlersOwnRedirectStandsWhenNoRuleIsBroken() throws Exception {
		mvc.perform(post("/things/7/entries/0/confirm"))
			.andExpect(redirectedUrl("/things/7/done"))
			.andExpect(flash().attribute("flash", "things.flash.confirmed"));
	}

	@Controller
	static class Things {

		@PostMapping("/things/{id}/entries/{entryId}/confirm")
		@OnRuleBroken(redirect = "/things/{id}#entries")
		String confirm(@PathVariable long id, @PathVariable long entryId, RedirectAttributes redirect) {
			if (entryId > 0) {
				throw new BusinessRuleException("things.error.full", entryId);
			}
			redirect.addFlashAttribute("flash", "things.flash.confirmed");
			return "redirect:/things/" + id + "/done";
		}

		@PostMapping("/drafts/move")
		@OnRuleBroken(redirect = "/drafts#item-{item}", keep = { "year", "region" })
		String move(@RequestParam int year, @RequestParam long item) {
			throw new BusinessRuleException("things.error.top");
		}

		@PostMapping("/things/{id}/plain")
		String plain(@PathVariable long id) {
			throw new BusinessRuleException("things.error.plain");
		}
	}
}
