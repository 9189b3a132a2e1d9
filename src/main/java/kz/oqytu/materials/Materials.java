package kz.oqytu.materials;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;

import kz.oqytu.accounts.CurrentUser;

/**
 * The materials module's API: the library of methodical materials, their versions and files, their
 * distribution to primary organizations and each organization's receipt.
 *
 * <p>Every method takes the acting user and stays inside their scope. Staff (ADMIN, METHODOLOGIST,
 * EXECUTIVE) read the materials of the union bodies in their subtree and of those above them (a
 * region reads the union's); ADMIN and METHODOLOGIST write those of their subtree and distribute
 * any they read to organizations in their subtree. A CHAIR reads only what was sent to their own
 * organization. Outside that an {@link org.springframework.security.access.AccessDeniedException};
 * rule violations are a {@link kz.oqytu.shared.BusinessRuleException} naming the field (a refused
 * file names {@code file}) and nothing is stored; a stale version a {@link kz.oqytu.shared.ConflictException}.
 */
public interface Materials {

	// ---- library

	/** Staff: every material they read; a chair: the materials sent to their organization. */
	Page<MaterialRow> search(CurrentUser user, MaterialCriteria criteria);

	MaterialDetails details(CurrentUser user, long id);

	/** Creates a material owned by the user's scope node, with its file as version 1; returns its id. */
	long create(CurrentUser user, MaterialCommand command, MaterialFile file);

	void update(CurrentUser user, long id, int version, MaterialCommand command);

	/**
	 * Adds a version that supersedes the latest one (which stays downloadable); returns its id.
	 * {@code version} is the material's as read.
	 */
	long addVersion(CurrentUser user, long id, int version, String note, MaterialFile file);

	/**
	 * A version's file. A chair may download only versions sent to their organization; their first
	 * download marks the organization's copy downloaded.
	 */
	MaterialDownload download(CurrentUser user, long materialId, long versionId);

	/** The largest file accepted, in bytes ({@code oqytu.materials.max-file-size}, 20 MB by default). */
	long maxFileBytes();

	// ---- distribution

	Distributed distribute(CurrentUser user, long materialId, DistributionCommand command);

	/** Staff: who received the material and who has not received its latest version. */
	Register register(CurrentUser user, long materialId, RegisterCriteria criteria);

	/** A chair confirms their organization received a version sent to it; again is a no-op. */
	void acknowledge(CurrentUser user, long materialId, long versionId);

	/**
	 * What was sent to a primary organization, newest first, a page of {@code size}. Its chair or
	 * staff whose scope holds it.
	 */
	Page<SentMaterial> sent(CurrentUser user, long organizationId, int page, int size);

	// ---- for other modules (the chair portal, monitoring)

	/** Everything sent to a primary organization, newest first (its chair, or staff over it). */
	List<SentMaterial> sentTo(CurrentUser user, long organizationId);

	/**
	 * Every active primary organization in the user's scope (a chair: their own) with its counts,
	 * in a bounded number of statements whatever the number of organizations.
	 */
	Map<Long, MaterialStatus> statusByOrganization(CurrentUser user);

	/** The same for the given organizations only (a page of the monitoring), bounded likewise. */
	Map<Long, MaterialStatus> statusByOrganization(CurrentUser user, java.util.Collection<Long> organizationIds);

	/**
	 * The active primary organizations in the user's scope that were sent something, each with whether
	 * it acknowledged every material sent to it, for the monitoring's filter and totals. One statement.
	 */
	Map<Long, Boolean> acknowledgedAllByOrganization(CurrentUser user);
}
