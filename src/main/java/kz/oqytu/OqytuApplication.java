package kz.oqytu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OqytuApplication {

	public static void main(String[] args) {
		SpringApplication.run(OqytuApplication.class, args);
	}

}
