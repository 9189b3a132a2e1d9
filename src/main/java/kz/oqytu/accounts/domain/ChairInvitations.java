package kz.oqytu.accounts.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.AccountCommand;
import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.OrganizationDirectory;
import kz.oqytu.accounts.OrganizationDirectory.RegistryChair;
import kz.oqytu.accounts.OrganizationDirectory.Resolution;
import kz.oqytu.accounts.Role;
import kz.oqytu.shared.BusinessRuleException;
import kz.oqytu.shared.imports.ImportPreview;
import kz.oqytu.shared.imports.RowError;
import kz.oqytu.shared.imports.SheetReader;
import kz.oqytu.shared.xlsx.Cells;
import kz.oqytu.shared.xlsx.SheetLimits;

/**
 * Chair accounts in bulk (issue #18): from a spreadsheet (organization, chair's name, email, phone),
 * organization names resolved as people write them (the organizations module's matcher, aliases
 * included), or from the registry (primary organizations without a chair account, with the chair's
 * email the registry holds). Each new account is invited. A preview shows every row's errors;
 * nothing is written while there is one, and a commit is all or nothing.
 */
@Service
public class ChairInvitations {

	static final int MAX_ROWS = 5000;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

	static {
		COLUMNS.put("organization", List.of("Ұйым", "Организация", "Organization", "БКҰ", "ППО", "Бастауыш ұйым",
				"Первичная организация", "Мекеме", "Учреждение"));
		COLUMNS.put("name", List.of("Төрағаның аты-жөні", "ФИО председателя", "Chair's name", "Chair", "Төраға",
				"Председатель", "Аты-жөні", "ФИО", "Name"));
		COLUMNS.put("email", List.of("Email", "E-mail", "Электрондық пошта", "Электронная почта", "Почта", "Пошта"));
		COLUMNS.put("phone", List.of("Телефон", "Phone", "Тел"));
	}

	/** One chair to invite. */
	public record ChairRow(long organizationId, String fullName, String email, String phone) {
	}

	/** An organization of the registry with no chair account, and why it cannot be invited (null: it can). */
	public record RegistryCandidate(RegistryChair organization, String problem) {

		public boolean invitable() {
			return problem == null;
		}
	}

	private final OrganizationDirectory directory;

	private final AccountLinks links;

	private final UserAccountRepository users;

	private final JdbcClient jdbc;

	private final SheetLimits limits;

	ChairInvitations(OrganizationDirectory directory, AccountLinks links, UserAccountRepository users, JdbcClient jdbc,
			SheetLimits limits) {
		this.directory = directory;
		this.links = links;
		this.users = users;
		this.jdbc = jdbc;
		this.limits = limits;
	}

	@Transactional(readOnly = true)
	public ImportPreview<ChairRow> preview(CurrentUser user, byte[] content) {
		OrganizationDirectory.NameLookup names = directory.names(user);
		Set<Long> withChair = organizationsWithChair();
		Set<Long> inFile = new HashSet<>();
		return SheetReader.read(content, limits, COLUMNS, List.of("organization", "name", "email"), MAX_ROWS,
				(row, headers) -> {
					List<RowError> errors = new ArrayList<>();
					String organization = Cells.text(row, headers.column("organization"));
					String name = Cells.text(row, headers.column("name"));
					String email = Cells.text(row, headers.column("email")).trim();
					String phone = headers.has("phone") ? Cells.text(row, headers.column("phone")) : "";
					Long organizationId = null;
					if (organization.isEmpty()) {
						errors.add(new RowError("accounts.chairs.error.organizationMissing"));
					}
					else {
						Resolution resolution = names.resolve(organization);
						if (resolution.id() == null) {
							errors.add(resolution.ambiguous() ? new RowError("accounts.chairs.error.organizationAmbiguous", organization)
									: resolution.nearest() != null
											? new RowError("import.error.organizationUnknownNearest", organization, resolution.nearest())
											: new RowError("import.error.organizationUnknown", organization));
						}
						else if (directory.find(resolution.id()).filter(OrganizationDirectory.UnitRef::primary).isEmpty()) {
							errors.add(new RowError("accounts.chairs.error.notPrimary", organization));
						}
						else if (withChair.contains(resolution.id())) {
							errors.add(new RowError("accounts.chairs.error.hasChair", organization));
						}
						else if (!inFile.add(resolution.id())) {
							errors.add(new RowError("accounts.chairs.error.organizationTwice", organization));
						}
						else {
							organizationId = resolution.id();
						}
					}
					if (name.isEmpty()) {
						errors.add(new RowError("accounts.chairs.error.nameMissing"));
					}
					else if (name.length() > 200) {
						errors.add(new RowError("accounts.chairs.error.nameTooLong"));
					}
					if (email.isEmpty()) {
						errors.add(new RowError("accounts.chairs.error.emailMissing"));
					}
					else if (email.length() > 200 || !EMAIL.matcher(email).matches()) {
						errors.add(new RowError("accounts.chairs.error.emailInvalid", email));
					}
					else if (users.findByEmailIgnoreCase(email).isPresent()) {
						errors.add(new RowError("accounts.error.emailTaken", email));
					}
					if (phone.length() > 50) {
						errors.add(new RowError("accounts.chairs.error.phoneTooLong"));
					}
					else if (!phone.isBlank() && !looksLikePhone(phone)) {
						errors.add(new RowError("accounts.chairs.error.phoneInvalid", phone));
					}
					ChairRow value = errors.isEmpty() ? new ChairRow(organizationId, name, email, phone) : null;
					return new SheetReader.Parsed<>(value, errors, email.isEmpty() ? null : email.toLowerCase(Locale.ROOT));
				}, r -> "invite");
	}

	/**
	 * The registry organization each valid row was matched to, with its district, as the preview shows it:
	 * names are matched as people write them, so the administrator sees the match before anyone is invited.
	 */
	@Transactional(readOnly = true)
	public Map<Integer, String> matches(ImportPreview<ChairRow> preview, Locale locale) {
		Map<Integer, String> matched = new LinkedHashMap<>();
		for (var row : preview.rows()) {
			if (row.value() == null) {
				continue;
			}
			directory.find(row.value().organizationId()).ifPresent(unit -> {
				String[] ids = unit.path().replaceAll("^/|/$", "").split("/");
				String district = ids.length >= 2
						? directory.find(Long.parseLong(ids[ids.length - 2])).map(d -> d.name(locale)).orElse(null) : null;
				matched.put(row.rowNumber(), district == null ? unit.name(locale) : unit.name(locale) + " — " + district);
			});
		}
		return matched;
	}

	/** Creates and invites every chair of the file, or none (a file with an error writes nothing). */
	@Transactional
	public int commit(CurrentUser user, byte[] content) {
		ImportPreview<ChairRow> preview = preview(user, content);
		if (!preview.valid()) {
			throw new BusinessRuleException("import.error.notValid");
		}
		for (ChairRow row : preview.values()) {
			invite(row);
		}
		return preview.values().size();
	}

	/** The active primary organizations in the user's scope that have no chair account yet. */
	@Transactional(readOnly = true)
	public List<RegistryCandidate> registryCandidates(CurrentUser user) {
		Set<Long> withChair = organizationsWithChair();
		Set<String> emails = new HashSet<>();
		List<RegistryCandidate> candidates = new ArrayList<>();
		for (RegistryChair o : directory.primaryOrganizations(user.scopePath())) {
			if (withChair.contains(o.id())) {
				continue;
			}
			String email = o.chairEmail() == null ? "" : o.chairEmail().trim();
			String problem = null;
			if (o.chairName() == null || o.chairName().isBlank()) {
				problem = "accounts.chairs.error.nameMissing";
			}
			else if (email.isEmpty()) {
				problem = "accounts.chairs.error.emailMissing";
			}
			else if (!EMAIL.matcher(email).matches()) {
				problem = "accounts.chairs.error.emailInvalid";
			}
			else if (!emails.add(email.toLowerCase(Locale.ROOT)) || users.findByEmailIgnoreCase(email).isPresent()) {
				problem = "accounts.error.emailTaken";
			}
			candidates.add(new RegistryCandidate(o, problem));
		}
		return candidates;
	}

	/** Invites the chairs of the registry's organizations without an account that can be invited. */
	@Transactional
	public int inviteFromRegistry(CurrentUser user) {
		int count = 0;
		for (RegistryCandidate c : registryCandidates(user)) {
			if (c.invitable()) {
				RegistryChair o = c.organization();
				invite(new ChairRow(o.id(), o.chairName().trim(), o.chairEmail().trim(), o.chairPhone()));
				count++;
			}
		}
		return count;
	}

	private void invite(ChairRow row) {
		links.createAndInvite(new AccountCommand(freeUsername(row.email()), row.fullName(), row.email(), Role.CHAIR,
				row.organizationId(), null));
	}

	/** The email's local part as a username ("a.amanova"), numbered when taken ("a.amanova2"). */
	String freeUsername(String email) {
		String base = email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
		if (base.length() < 3) {
			base = "chair" + base;
		}
		base = base.length() > 60 ? base.substring(0, 60) : base;
		String candidate = base;
		for (int i = 2; users.existsByUsernameIgnoreCase(candidate); i++) {
			candidate = base + i;
		}
		return candidate;
	}

	private Set<Long> organizationsWithChair() {
		return new HashSet<>(jdbc.sql("select scope_unit_id from app_user where role = 'CHAIR'").query(Long.class).list());
	}

	/**
	 * A phone number as people write it: digits with +, spaces, brackets, dots or dashes between them,
	 * 10 to 15 digits in all (+7 701 234 56 78, 8 (7132) 55-12-34, 87012345678).
	 */
	static boolean looksLikePhone(String phone) {
		String p = phone.strip();
		if (!p.matches("\\+?[0-9][0-9 ().\\-]*[0-9]")) {
			return false;
		}
		long digits = p.chars().filter(Character::isDigit).count();
		return digits >= 10 && digits <= 15;
	}
}
