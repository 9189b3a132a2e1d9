package kz.oqytu.training;

import java.util.Map;

/** One organization's head counts at an event, by category code; a row of zeros removes it. */
public record OrganizationCountCommand(long organizationId, Map<String, Integer> counts) {
}
