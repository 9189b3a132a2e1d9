package kz.oqytu.resolutions;

/** What carries out a resolution's task. */
public enum LinkKind {

	PLAN_ITEM, EVENT, MATERIAL;

	/** The page of the linked thing; materials are another module's, reached by id. */
	public String href(long targetId, Integer year) {
		return switch (this) {
			case PLAN_ITEM -> "/plans/" + year + "/items/" + targetId;
			case EVENT -> "/events/" + targetId;
			case MATERIAL -> "/materials/" + targetId;
		};
	}
}
