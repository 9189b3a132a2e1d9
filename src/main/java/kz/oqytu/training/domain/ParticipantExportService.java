package kz.oqytu.training.domain;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.shared.xlsx.XlsxWriter;
import kz.oqytu.shared.xlsx.XlsxWriters;
import kz.oqytu.training.CatalogItem;
import kz.oqytu.training.EventCriteria;
import kz.oqytu.training.ParticipantExports;
import kz.oqytu.training.TrainingCatalog;

@Service
class ParticipantExportService implements ParticipantExports {

	/** Excel's sheet holds 1 048 576 rows; a larger selection is cut there (the header takes one). */
	static final int MAX_ROWS = 1_048_575;

	static final String COLUMNS = """
			select e.starts_at, e.title_kk, d.name_kk as district, p.full_name, po.name_kk as organization,
			       p.category_code, p.position
			from event_participant p
			join training_event e on e.id = p.event_id
			join organizations_v_unit o on o.id = e.organizer_unit_id
			left join organizations_v_unit d on d.id = e.district_id
			join organizations_v_unit po on po.id = p.organization_id
			""";

	/** The columns of {@link #COLUMNS}, in the export's order. */
	private static final String[] CSV_COLUMNS = { "starts_at", "title_kk", "district", "full_name", "organization",
			"category_code", "position" };

	private final NamedParameterJdbcTemplate jdbc;

	private final TrainingCatalog catalog;

	private final MessageSource messages;

	private final XlsxWriters writers;

	ParticipantExportService(DataSource dataSource, TrainingCatalog catalog, MessageSource messages, XlsxWriters writers) {
		this.writers = writers;
		// A cursor (fetch size inside a read-only transaction): rows stream from PostgreSQL in batches.
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(1_000);
		template.setMaxRows(MAX_ROWS);
		this.jdbc = new NamedParameterJdbcTemplate(template);
		this.catalog = catalog;
		this.messages = messages;
	}

	@Override
	@Transactional(readOnly = true)
	public long xlsx(CurrentUser user, EventCriteria criteria, Locale locale, OutputStream out) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
		Map<String, String> categories = new HashMap<>();
		for (CatalogItem c : catalog.categories()) {
			categories.put(c.code(), c.name(locale));
		}
		try (XlsxWriter xlsx = writers.open(locale, true)) {
			Sheet sheet = xlsx.sheet(messages.getMessage("participants.export.sheet", null, locale));
			xlsx.headers(sheet, 0, header("date", locale), header("event", locale), header("district", locale),
					header("name", locale), header("organization", locale), header("category", locale),
					header("position", locale));
			int[] widths = { 12, 50, 28, 36, 50, 30, 24 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.createFreezePane(0, 1);
			long[] n = { 0 };
			rows(user.scopePath(), criteria, rs -> {
				Row row = xlsx.row(sheet, (int) ++n[0]);
				xlsx.date(row, 0, rs.getObject("starts_at", java.time.LocalDateTime.class).toLocalDate());
				xlsx.text(row, 1, rs.getString("title_kk"));
				xlsx.text(row, 2, rs.getString("district"));
				xlsx.text(row, 3, rs.getString("full_name"));
				xlsx.text(row, 4, rs.getString("organization"));
				xlsx.text(row, 5, categories.getOrDefault(rs.getString("category_code"), rs.getString("category_code")));
				xlsx.text(row, 6, rs.getString("position"));
			});
			xlsx.write(out);
			return n[0];
		}
	}

	private String header(String key, Locale locale) {
		return messages.getMessage("participants.export." + key, null, locale);
	}

	/** The export's one statement, row by row: the page and the bench's CSV baseline share it. */
	void rows(String scopePath, EventCriteria criteria, RowCallbackHandler handler) {
		Map<String, Object> params = new HashMap<>();
		String where = TrainingEventService.where(scopePath, criteria, params);
		jdbc.query(COLUMNS + where + " order by e.starts_at, e.id, p.id", params, handler);
	}

	static String csv(ResultSet rs) throws SQLException {
		StringBuilder line = new StringBuilder(160);
		for (int c = 0; c < CSV_COLUMNS.length; c++) {
			if (c > 0) {
				line.append(',');
			}
			String v = c == 0 ? rs.getObject(CSV_COLUMNS[0], java.time.LocalDateTime.class).toLocalDate().toString()
					: rs.getString(CSV_COLUMNS[c]);
			if (v != null) {
				line.append('"').append(v.replace("\"", "\"\"")).append('"');
			}
		}
		return line.append('\n').toString();
	}
}
