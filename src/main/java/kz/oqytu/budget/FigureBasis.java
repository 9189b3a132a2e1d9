package kz.oqytu.budget;

/** Which figures a share was computed from: actuals when complete, else the plan. */
public enum FigureBasis {
	ACTUAL, PLANNED, NONE
}
