package kz.oqytu.reminders;

/** The kinds of reminder; each can be switched off by an administrator and opted out of by a person. */
public enum ReminderKind {
	CAMPAIGN_DEADLINE, FOLLOW_UP_SURVEY, SCHOOL_PLAN_DUE, MATERIAL_UNACKNOWLEDGED
}
