package kz.oqytu.requests;

/** An open campaign as a chair sees it: has their organization answered yet. */
public record ChairCampaign(CampaignView campaign, boolean answered) {
}
