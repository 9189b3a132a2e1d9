package kz.oqytu.organizations;

import java.util.Set;

/**
 * Published inside the writing transaction when units were created, moved to another parent or
 * (de)activated (the organization form, the registry import). {@code formerParentIds} are the
 * parents the moved units left: figures of every year may change where they were and where they are.
 */
public record RegistryChanged(Set<Long> unitIds, Set<Long> formerParentIds) {
}
