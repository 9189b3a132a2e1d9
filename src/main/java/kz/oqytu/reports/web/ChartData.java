package kz.oqytu.reports.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

import kz.oqytu.reports.Breakdown;
import kz.oqytu.reports.CategoryFigure;
import kz.oqytu.reports.TrendPoint;

/**
 * The dashboard's chart data as JSON for {@code <script type="application/json">} blocks, which
 * static/js/charts.js reads (no inline script, per the Content-Security-Policy).
 */
@Component("chartData")
class ChartData {

	private final ObjectMapper json;

	private final MessageSource messages;

	ChartData(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	public String trend(List<TrendPoint> trend, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		// the current year's point is provisional (against an earlier snapshot), and says so on the axis
		data.put("labels", trend.stream()
			.map(t -> t.provisional() ? t.year() + " (" + text("reports.provisional", locale) + ")" : Integer.toString(t.year()))
			.toList());
		data.put("coverage", trend.stream().map(t -> t.coverage() == null ? null : t.coverage().value()).toList());
		data.put("coverageLabel", text("reports.coverage", locale));
		// each point opens the dashboard of its year
		data.put("links", trend.stream().map(t -> Map.of("year", Integer.toString(t.year()))).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		if (!trend.isEmpty()) {
			List<CategoryFigure> first = trend.get(0).categories();
			for (int i = 0; i < first.size(); i++) {
				int index = i;
				Map<String, Object> s = new LinkedHashMap<>();
				s.put("label", first.get(i).name(locale));
				s.put("data", trend.stream().map(t -> t.categories().get(index).participants()).toList());
				// each bar segment opens that year's events with people of that category
				s.put("links", trend.stream().map(t -> Map.of("year", Integer.toString(t.year()), "category",
						t.categories().get(index).code())).toList());
				series.add(s);
			}
		}
		data.put("categories", series);
		return write(data);
	}

	public String months(List<Breakdown> months, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", months.stream().map(m -> text("month.short." + m.key(), locale)).toList());
		data.put("events", months.stream().map(Breakdown::events).toList());
		data.put("participants", months.stream().map(Breakdown::participants).toList());
		data.put("eventsLabel", text("reports.events", locale));
		data.put("participantsLabel", text("reports.trained", locale));
		data.put("links", months.stream().map(m -> Map.of("month", m.key())).toList());
		return write(data);
	}

	public String districts(List<Breakdown> districts, Locale locale) {
		List<Breakdown> named = districts.stream().filter(d -> !d.key().isEmpty()).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", named.stream().map(d -> d.name(locale)).toList());
		data.put("coverage", named.stream().map(d -> d.coverage() == null ? null : d.coverage().value()).toList());
		data.put("coverageLabel", text("reports.coverage", locale));
		data.put("links", named.stream().map(d -> Map.of("district", d.key())).toList());
		return write(data);
	}

	/** The country's regions by coverage (issue 17); each bar opens that region's dashboard. */
	public String regions(List<Breakdown> regions, Locale locale) {
		List<Breakdown> named = regions.stream().filter(r -> !r.key().isEmpty()).toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", named.stream().map(r -> r.name(locale)).toList());
		data.put("coverage", named.stream().map(r -> r.coverage() == null ? null : r.coverage().value()).toList());
		data.put("coverageLabel", text("reports.coverage", locale));
		data.put("links", named.stream().map(r -> Map.of("region", r.key())).toList());
		return write(data);
	}

	private String write(Object data) {
		// "</" would end the script element early; JSON allows "\/" in its place.
		return json.writeValueAsString(data).replace("</", "<\\/");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
