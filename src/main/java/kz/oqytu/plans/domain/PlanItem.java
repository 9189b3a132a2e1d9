package kz.oqytu.plans.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;

import kz.oqytu.shared.db.Rows;
import kz.oqytu.plans.PlanItemCommand;
import kz.oqytu.shared.db.JpaAuditing;

/** One line of a plan: what, in which form, when, for whom and how many, who is responsible. */
@Entity
@EntityListeners(JpaAuditing.Listener.class)
@Table(name = "plan_item")
class PlanItem {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plan_item_seq")
	@SequenceGenerator(name = "plan_item_seq", sequenceName = "plan_item_seq", allocationSize = 50)
	private Long id;

	@Column(name = "plan_id", nullable = false, updatable = false)
	private long planId;

	@Column(nullable = false)
	private int position;

	@Column(name = "title_kk", nullable = false)
	private String titleKk;

	@Column(name = "title_ru")
	private String titleRu;

	@Column(name = "form_code", nullable = false)
	private String formCode;

	private Integer month;

	private Integer quarter;

	@ElementCollection
	@CollectionTable(name = "plan_item_topic", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "topic_code")
	private Set<String> topics = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "plan_item_category", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "category_code")
	private Set<String> categories = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "plan_item_target", joinColumns = @JoinColumn(name = "item_id"))
	@Column(name = "unit_id")
	private Set<Long> targets = new HashSet<>();

	@Column(name = "planned_participants")
	private Integer plannedParticipants;

	private String responsible;

	private String notes;

	@Column(name = "carry_over", nullable = false)
	private boolean carryOver = true;

	@Column(name = "review_note")
	private String reviewNote;

	@Column(name = "correction")
	private String correction;

	@Column(name = "copied_from_item_id", updatable = false)
	private Long copiedFromItemId;

	/** Why a drafted item is in the plan (decision 0050); null for items written by hand. */
	@Column(name = "reason_kk")
	private String reasonKk;

	@Column(name = "reason_ru")
	private String reasonRu;

	/** Drafted from the coverage gap: drafting the year again replaces it. */
	@Column(nullable = false)
	private boolean drafted;

	@Column(name = "created_at", nullable = false, updatable = false)
	@CreatedDate
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	@LastModifiedDate
	private Instant updatedAt;

	@Version
	private int version;

	protected PlanItem() {
	}

	PlanItem(long planId, int position) {
		this.planId = planId;
		this.position = position;
	}

	/** Takes a command that passed the service's checks. */
	void describe(PlanItemCommand c, int position) {
		this.position = position;
		titleKk = c.titleKk().strip();
		titleRu = Rows.blankToNull(c.titleRu());
		formCode = c.formCode();
		month = c.month();
		quarter = c.quarter();
		replace(topics, c.topicCodes());
		replace(categories, c.categoryCodes());
		replace(targets, c.targetUnitIds());
		plannedParticipants = c.plannedParticipants();
		responsible = Rows.blankToNull(c.responsible());
		notes = Rows.blankToNull(c.notes());
	}

	/** A copy for next year's plan: same content, its review note as the correction, no events. */
	PlanItem copyInto(long nextPlanId, int position) {
		PlanItem copy = new PlanItem(nextPlanId, position);
		copy.titleKk = titleKk;
		copy.titleRu = titleRu;
		copy.formCode = formCode;
		copy.month = month;
		copy.quarter = quarter;
		copy.topics.addAll(topics);
		copy.categories.addAll(categories);
		copy.targets.addAll(targets);
		copy.plannedParticipants = plannedParticipants;
		copy.responsible = responsible;
		copy.notes = notes;
		copy.correction = reviewNote;
		copy.reasonKk = reasonKk;
		copy.reasonRu = reasonRu;
		copy.copiedFromItemId = id;
		return copy;
	}

	/** Marks the item as drafted from the coverage gap with the reason it is there. */
	void drafted(String reasonKk, String reasonRu) {
		this.drafted = true;
		this.reasonKk = Rows.blankToNull(reasonKk);
		this.reasonRu = Rows.blankToNull(reasonRu);
	}

	boolean isDrafted() {
		return drafted;
	}

	void review(boolean carryOver, String note) {
		this.carryOver = carryOver;
		this.reviewNote = Rows.blankToNull(note);
	}

	/** Only assigns when it changes, so an unchanged set does not bump the version. */
	private static <T> void replace(Set<T> current, Set<T> wanted) {
		Set<T> target = wanted == null ? Set.of() : wanted;
		if (!current.equals(target)) {
			current.retainAll(target);
			current.addAll(target);
		}
	}

	Long getId() {
		return id;
	}

	long getPlanId() {
		return planId;
	}

	int getPosition() {
		return position;
	}

	boolean isCarryOver() {
		return carryOver;
	}

	String getReviewNote() {
		return reviewNote;
	}

	int getVersion() {
		return version;
	}
}
