package kz.oqytu.training.web;

import java.util.Map;

/** Head counts per participant category, entered on the event page. */
record HeadCountForm(Map<String, Integer> headCounts) {
}
