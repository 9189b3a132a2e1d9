package kz.oqytu.staffreport.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import kz.oqytu.shared.ConflictException;
import kz.oqytu.staffreport.ResolutionDraft;
import kz.oqytu.staffreport.ResolutionDraft.Adoption;
import kz.oqytu.staffreport.ResolutionDraft.Item;

/** The resolution drafts and their items (tables of V350). */
@Repository
class ResolutionDraftStore {

	private final JdbcClient jdbc;

	private final Clock clock;

	ResolutionDraftStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The adoption of the body's draft of a report year, in either language (the latest). */
	Optional<Adoption> adopted(long unitId, int year) {
		return jdbc.sql("""
				select resolution_id, adopted_number, adopted_item, adopted_on, adopted_by from resolution_draft
				where unit_id = :unit and report_year = :year and resolution_id is not null
				order by adopted_on desc, id desc limit 1""")
			.param("unit", unitId).param("year", year)
			.query((rs, n) -> new Adoption(rs.getLong("resolution_id"), rs.getString("adopted_number"),
					rs.getString("adopted_item"), rs.getObject("adopted_on", LocalDate.class), rs.getString("adopted_by")))
			.optional();
	}

	/** A draft kept as rows: its header, then its items in order (numbered as they are printed). */
	Optional<ResolutionDraft> find(long unitId, int year, String language) {
		record Head(long id, int reportVersion, String title, String preamble, String controlBy, String signerTitle,
				String signerName, int version, Long resolutionId, String number, String item, LocalDate adoptedOn,
				String adoptedBy) {
		}
		Optional<Head> head = jdbc.sql("""
				select d.id, v.number as report_version, d.title, d.preamble, d.control_by, d.signer_title, d.signer_name,
				       d.version, d.resolution_id, d.adopted_number, d.adopted_item, d.adopted_on, d.adopted_by
				from resolution_draft d join staff_report_version v on v.id = d.staff_report_version_id
				where d.unit_id = :unit and d.report_year = :year and d.language = :language""")
			.param("unit", unitId).param("year", year).param("language", language)
			.query((rs, n) -> new Head(rs.getLong("id"), rs.getInt("report_version"), rs.getString("title"),
					rs.getString("preamble"), rs.getString("control_by"), rs.getString("signer_title"),
					rs.getString("signer_name"), rs.getInt("version"),
					rs.getObject("resolution_id", Long.class), rs.getString("adopted_number"), rs.getString("adopted_item"),
					rs.getObject("adopted_on", LocalDate.class), rs.getString("adopted_by")))
			.optional();
		return head.map(h -> new ResolutionDraft(h.id(), unitId, year, language, h.reportVersion(), h.title(),
				h.preamble(), h.controlBy(), h.signerTitle(), h.signerName(), items(h.id()),
				h.resolutionId() == null ? null
						: new Adoption(h.resolutionId(), h.number(), h.item(), h.adoptedOn(), h.adoptedBy()),
				h.version()));
	}

	private List<Item> items(long draftId) {
		record Raw(long id, int level, String text, String owner, LocalDate deadline, String key, String source,
				String link) {
		}
		List<Raw> raws = jdbc.sql("""
				select id, level, text, owner, deadline, source_key, source_text, source_link
				from resolution_draft_item where draft_id = :id order by position, id""")
			.param("id", draftId)
			.query((rs, n) -> new Raw(rs.getLong("id"), rs.getInt("level"), rs.getString("text"), rs.getString("owner"),
					rs.getObject("deadline", LocalDate.class), rs.getString("source_key"), rs.getString("source_text"),
					rs.getString("source_link")))
			.list();
		List<Item> items = new ArrayList<>();
		int item = ResolutionDraft.FIRST_ITEM - 1;
		int sub = 0;
		for (Raw r : raws) {
			String number;
			if (r.level() == 1) {
				item++;
				sub = 0;
				number = String.valueOf(item);
			}
			else {
				number = item + "." + ++sub;
			}
			items.add(new Item(r.id(), r.level(), number, r.text(), r.owner(), r.deadline(), r.key(), r.source(), r.link()));
		}
		return items;
	}

	/** Serializes drafting of a body's year and language until the transaction ends. */
	void lock(long unitId, int year, String language) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('resolution_draft'), hashtext(:k))")
			.param("k", unitId + "/" + year + "/" + language).query().singleRow();
	}

	long insert(long unitId, int year, String language, long reportVersionId, ResolutionDrafter.Generated g,
			String username) {
		long id = jdbc.sql("""
				insert into resolution_draft (unit_id, report_year, language, staff_report_version_id, title, preamble,
				                              control_by, signer_title, created_by, created_at, updated_at)
				values (:unit, :year, :language, :version, :title, :preamble, :control, :signer, :by, :at, :at)
				returning id""")
			.param("unit", unitId).param("year", year).param("language", language).param("version", reportVersionId)
			.param("title", g.title()).param("preamble", g.preamble()).param("control", g.controlBy())
			.param("signer", g.signerTitle()).param("by", username).param("at", Timestamp.from(Instant.now(clock)))
			.query(Long.class).single();
		int position = 0;
		for (ResolutionDrafter.Row r : g.rows()) {
			jdbc.sql("""
					insert into resolution_draft_item (draft_id, position, level, text, owner, deadline, source_key,
					                                   source_text, source_link)
					values (:id, :position, :level, :text, :owner, :deadline, :key, :source, :link)""")
				.param("id", id).param("position", position++).param("level", r.level()).param("text", r.text())
				.param("owner", r.owner()).param("deadline", r.deadline()).param("key", r.sourceKey())
				.param("source", r.sourceText()).param("link", r.sourceLink())
				.update();
		}
		return id;
	}

	/**
	 * Takes the draft for a change: the version the user saw must still be the draft's, and the row stays
	 * locked until the transaction ends; otherwise someone changed it meanwhile.
	 */
	void claim(long draftId, int version, String username) {
		int updated = jdbc.sql("""
				update resolution_draft set version = version + 1, updated_by = :by, updated_at = :at
				where id = :id and version = :version""")
			.param("id", draftId).param("version", version).param("by", username)
			.param("at", Timestamp.from(Instant.now(clock))).update();
		if (updated == 0) {
			throw new ConflictException("resolution draft " + draftId);
		}
	}

	void updateHeader(long draftId, String title, String preamble, String controlBy, String signerTitle,
			String signerName) {
		jdbc.sql("""
				update resolution_draft set title = :title, preamble = :preamble, control_by = :control,
				       signer_title = :signerTitle, signer_name = :signerName
				where id = :id""")
			.param("id", draftId).param("title", title).param("preamble", preamble).param("control", controlBy)
			.param("signerTitle", signerTitle).param("signerName", signerName)
			.update();
	}

	void updateItem(long draftId, long itemId, String text, String owner, LocalDate deadline) {
		jdbc.sql("""
				update resolution_draft_item set text = :text, owner = :owner, deadline = :deadline
				where id = :item and draft_id = :id""")
			.param("id", draftId).param("item", itemId).param("text", text).param("owner", owner)
			.param("deadline", deadline).update();
	}

	void deleteItems(long draftId, List<Long> itemIds) {
		jdbc.sql("delete from resolution_draft_item where draft_id = :id and id = any(:items)")
			.param("id", draftId).param("items", itemIds.toArray(new Long[0])).update();
	}

	long insertItem(long draftId, int level, String text, String owner, LocalDate deadline) {
		return jdbc.sql("""
				insert into resolution_draft_item (draft_id, position, level, text, owner, deadline)
				values (:id, (select coalesce(max(position), 0) + 1 from resolution_draft_item where draft_id = :id),
				        :level, :text, :owner, :deadline)
				returning id""")
			.param("id", draftId).param("level", level).param("text", text).param("owner", owner)
			.param("deadline", deadline).query(Long.class).single();
	}

	/** Writes the items' order: {@code ordered} holds every item id of the draft in its new order. */
	void reorder(long draftId, List<Long> ordered) {
		for (int i = 0; i < ordered.size(); i++) {
			jdbc.sql("update resolution_draft_item set position = :position where id = :item and draft_id = :id")
				.param("id", draftId).param("item", ordered.get(i)).param("position", i).update();
		}
	}

	void adopted(long draftId, long resolutionId, String number, String item, LocalDate adoptedOn, String username) {
		jdbc.sql("""
				update resolution_draft set resolution_id = :resolution, adopted_number = :number, adopted_item = :item,
				       adopted_on = :on, adopted_by = :by, adopted_at = :at
				where id = :id and resolution_id is null""")
			.param("id", draftId).param("resolution", resolutionId).param("number", number).param("item", item)
			.param("on", adoptedOn).param("by", username).param("at", Timestamp.from(Instant.now(clock))).update();
	}
}
