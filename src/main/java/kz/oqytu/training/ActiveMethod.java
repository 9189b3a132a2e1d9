package kz.oqytu.training;

/** Active methods the report names. */
public enum ActiveMethod {
	PRACTICAL_TASKS, CASE_ANALYSIS, SITUATIONAL_MODELLING, DISCUSSION
}
