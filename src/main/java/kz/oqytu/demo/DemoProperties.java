package kz.oqytu.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code oqytu.demo-data}: load the demo data into an empty database on start. */
@ConfigurationProperties(prefix = "oqytu")
record DemoProperties(boolean demoData) {
}
