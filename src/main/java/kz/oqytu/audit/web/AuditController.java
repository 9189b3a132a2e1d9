package kz.oqytu.audit.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import kz.oqytu.accounts.AdminOnly;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.SignedIn;
import kz.oqytu.audit.AuditCriteria;
import kz.oqytu.audit.AuditTrail;

/** The audit log for administrators: who changed what and when, with filters. */
@Controller
class AuditController {

	private final AuditTrail audit;

	AuditController(AuditTrail audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	@AdminOnly
	String log(@SignedIn CurrentUser me, @RequestParam(required = false) String table,
			@RequestParam(required = false) String actor,
			@RequestParam(required = false) String row,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM-dd") LocalDate to,
			@RequestParam(defaultValue = "0") int page, Model model) {
		AuditCriteria criteria = new AuditCriteria(table, actor, row, from, to, page, 50);
		model.addAttribute("criteria", criteria);
		model.addAttribute("result", audit.search(me, criteria));
		model.addAttribute("tables", audit.tables());
		return "audit/log";
	}
}
