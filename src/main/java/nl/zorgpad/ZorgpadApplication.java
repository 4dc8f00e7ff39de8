package nl.zorgpad;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ZorgpadApplication {

  public static void main(String[] args) {
    SpringApplication.run(ZorgpadApplication.class, args);
  }
}
