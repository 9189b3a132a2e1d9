package kz.oqytu.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * The running version for the page footer as {@code ${@appVersion.text()}}: the same build-info that
 * {@code /actuator/info} shows (spring-boot-maven-plugin's build-info goal writes it into the jar); "dev"
 * where the classes run without it (an IDE that skipped the Maven build).
 */
@Component("appVersion")
public class AppVersion {

	private final String text;

	AppVersion(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		this.text = properties != null && properties.getVersion() != null ? properties.getVersion() : "dev";
	}

	public String text() {
		return text;
	}
}
