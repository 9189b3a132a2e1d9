package kz.oqytu.materials;

import org.springframework.data.domain.Page;

/**
 * A material's distribution register as one reader sees it: the organizations in their scope that
 * received it, and the active primary organizations that have not received its latest version.
 */
public record Register(long materialId, MaterialDetails.Summary summary, Page<RecipientRow> recipients,
		Page<MissingRow> missing) {
}
