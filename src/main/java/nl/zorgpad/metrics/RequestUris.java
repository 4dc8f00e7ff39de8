package nl.zorgpad.metrics;

import io.micrometer.common.KeyValue;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/**
 * {@code http.server.requests} with a usable {@code uri} tag for the requests Spring MVC does not
 * map: the engine's REST API (Jersey) and the Camunda webapps answer outside it, and Spring tags
 * all of them {@code UNKNOWN}. They get their area instead ({@code /engine-rest/**}, the
 * webapps' API, the Tasklist, Cockpit, Admin) — never the path itself, whose ids would make a
 * time series per task.
 */
@Configuration(proxyBeanMethods = false)
class RequestUris {

  static final List<String> AREAS =
      List.of(
          "/engine-rest/",
          "/camunda/api/engine/",
          "/camunda/api/admin/",
          "/camunda/api/tasklist/",
          "/camunda/api/cockpit/",
          "/camunda/api/",
          "/camunda/app/tasklist/",
          "/camunda/app/cockpit/",
          "/camunda/app/admin/",
          "/camunda/",
          "/actuator/");

  @Bean
  ServerRequestObservationConvention zorgpadServerRequestObservationConvention() {
    return new DefaultServerRequestObservationConvention() {
      @Override
      protected KeyValue uri(ServerRequestObservationContext context) {
        KeyValue uri = super.uri(context);
        return "UNKNOWN".equals(uri.getValue()) ? area(context.getCarrier(), uri) : uri;
      }
    };
  }

  static KeyValue area(HttpServletRequest request, KeyValue unknown) {
    String path = request == null ? null : request.getRequestURI();
    if (path == null) {
      return unknown;
    }
    for (String area : AREAS) {
      if (path.startsWith(area)) {
        return KeyValue.of(unknown.getKey(), area + "**");
      }
    }
    return unknown;
  }
}
