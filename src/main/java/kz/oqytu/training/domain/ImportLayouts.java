package kz.oqytu.training.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import kz.oqytu.training.ParticipantColumns;

/**
 * Column mappings the user confirmed, per organizer and header layout (the header cells,
 * normalized, in order), so a list with the same layout is read without asking again.
 */
@Component
class ImportLayouts {

	private final JdbcClient jdbc;

	private final Clock clock;

	ImportLayouts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The layout key of a header row: SHA-256 of its cells, each normalized. */
	static String key(List<String> headers) {
		StringBuilder b = new StringBuilder();
		for (String h : headers) {
			b.append(ParticipantImportService.looseKey(h)).append('|');
		}
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Optional<ParticipantColumns> find(long organizerUnitId, String layoutKey) {
		return jdbc.sql("""
				select name_column, organization_column, category_column, position_column
				from training_import_layout where organizer_unit_id = :organizer and layout_key = :layout
				""")
			.param("organizer", organizerUnitId)
			.param("layout", layoutKey)
			.query((rs, n) -> new ParticipantColumns(rs.getInt("name_column"), rs.getInt("organization_column"),
					rs.getInt("category_column"), (Integer) rs.getObject("position_column")))
			.optional();
	}

	void remember(long organizerUnitId, String layoutKey, ParticipantColumns columns, String username) {
		jdbc.sql("""
				insert into training_import_layout (organizer_unit_id, layout_key, name_column, organization_column,
				    category_column, position_column, confirmed_by, confirmed_at)
				values (:organizer, :layout, :name, :organization, :category, :position, :by, :at)
				on conflict (organizer_unit_id, layout_key) do update
				set name_column = excluded.name_column, organization_column = excluded.organization_column,
				    category_column = excluded.category_column, position_column = excluded.position_column,
				    confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
				""")
			.param("organizer", organizerUnitId)
			.param("layout", layoutKey)
			.param("name", columns.name())
			.param("organization", columns.organization())
			.param("category", columns.category())
			.param("position", columns.position())
			.param("by", username)
			.param("at", Timestamp.from(Instant.now(clock)))
			.update();
	}
}
