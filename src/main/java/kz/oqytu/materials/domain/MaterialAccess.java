package kz.oqytu.materials.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import kz.oqytu.accounts.CurrentUser;
import kz.oqytu.accounts.Role;
import kz.oqytu.shared.NotFoundException;

/**
 * Who may do what with a material. A material belongs to a union body (its owner, the creator's
 * scope node). Staff read the materials of bodies in their subtree and above them; writers change
 * those in their subtree; a chair reads what was sent to their own organization.
 */
@Component
class MaterialAccess {

	private final JdbcClient jdbc;

	MaterialAccess(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A material's owner and latest version, read without loading the entity. */
	record Owned(long id, long ownerUnitId, String ownerPath, long latestVersionId) {
	}

	Owned owned(long materialId) {
		return jdbc.sql("select m.id, m.owner_unit_id, o.path, m.latest_version_id from material m"
				+ " join organizations_v_unit o on o.id = m.owner_unit_id where m.id = :id")
			.param("id", materialId)
			.query((rs, n) -> new Owned(rs.getLong("id"), rs.getLong("owner_unit_id"), rs.getString("path"),
					rs.getLong("latest_version_id")))
			.optional()
			.orElseThrow(() -> new NotFoundException("material " + materialId));
	}

	static boolean staffReads(CurrentUser user, String ownerPath) {
		return user.isStaff() && (user.covers(ownerPath) || user.scopePath().startsWith(ownerPath));
	}

	static boolean writes(CurrentUser user, String ownerPath) {
		return user.writesTraining() && user.covers(ownerPath);
	}

	/**
	 * The organizations a reader oversees for a material: their subtree, or the owner's when that
	 * lies inside it (the union's administrator looking at a region's material sees that region).
	 */
	static String audience(CurrentUser user, String ownerPath) {
		return ownerPath.startsWith(user.scopePath()) ? ownerPath : user.scopePath();
	}

	boolean deliveredTo(long materialId, long organizationId) {
		return jdbc.sql("select exists (select 1 from material_delivery where material_id = :m and org_unit_id = :o)")
			.param("m", materialId)
			.param("o", organizationId)
			.query(Boolean.class)
			.single();
	}

	/** The material if the user reads it: staff in scope, or the chair of an organization it was sent to. */
	Owned readable(CurrentUser user, long materialId) {
		Owned owned = owned(materialId);
		if (user.isStaff() ? staffReads(user, owned.ownerPath())
				: user.is(Role.CHAIR) && deliveredTo(materialId, user.scopeUnitId())) {
			return owned;
		}
		throw new AccessDeniedException("material " + materialId + " is not the user's to read");
	}

	Owned writable(CurrentUser user, long materialId) {
		requireWriter(user);
		Owned owned = owned(materialId);
		if (!writes(user, owned.ownerPath())) {
			throw new AccessDeniedException("material " + materialId + " is outside the user's scope");
		}
		return owned;
	}

	static void requireWriter(CurrentUser user) {
		if (!user.writesTraining()) {
			throw new AccessDeniedException("read-only role");
		}
	}

	static void requireStaff(CurrentUser user) {
		if (!user.isStaff()) {
			throw new AccessDeniedException("staff only");
		}
	}
}
