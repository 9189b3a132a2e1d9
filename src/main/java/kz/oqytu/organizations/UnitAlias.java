package kz.oqytu.organizations;

import java.time.Instant;

/** Another spelling of an organization's name, kept from an import choice or added by hand. */
public record UnitAlias(long id, long unitId, String alias, String createdBy, Instant createdAt) {
}
