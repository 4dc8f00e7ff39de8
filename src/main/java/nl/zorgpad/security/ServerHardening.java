package nl.zorgpad.security;

import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet container's and the Camunda webapps' part of issue 10: whom the container believes
 * about the client's address, what its own error pages tell, and the engine version in the
 * Tasklist's pages.
 */
@Configuration
class ServerHardening {

  /**
   * Forwarded headers only through Tomcat's RemoteIpValve from configured proxies
   * ({@code server.tomcat.remoteip.internal-proxies}). {@code framework} (Spring's
   * ForwardedHeaderFilter) believes {@code X-Forwarded-For} from every client, which would let
   * anyone choose the address that login throttling and the access log see: refused at start-up.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> forwardedHeadersOnlyFromProxies(
      ServerProperties server) {
    return factory -> {
      if (server.getForwardHeadersStrategy() == ServerProperties.ForwardHeadersStrategy.FRAMEWORK) {
        throw new IllegalStateException("server.forward-headers-strategy=framework trusts"
            + " X-Forwarded-For from every client; use native with"
            + " server.tomcat.remoteip.internal-proxies (docs/operations.md)");
      }
    };
  }

  /** Before Camunda's own webapp filters (which serve the index pages themselves). */
  @Bean
  FilterRegistrationBean<EngineVersionFilter> engineVersionFilter() {
    FilterRegistrationBean<EngineVersionFilter> registration =
        new FilterRegistrationBean<>(new EngineVersionFilter());
    registration.setName("zorgpadEngineVersionFilter");
    registration.addUrlPatterns(EngineVersionFilter.URL_PATTERNS);
    registration.setOrder(3);
    return registration;
  }

  /**
   * Tomcat answers some broken requests itself, before Spring sees them (an invalid character in
   * the URL, a malformed header): its error page then names the server and its version and may
   * quote the exception. Without either, only the status remains.
   */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietContainerErrorPages() {
    return factory -> factory.addContextCustomizers(context -> {
      ErrorReportValve quiet = new ErrorReportValve();
      quiet.setShowReport(false);
      quiet.setShowServerInfo(false);
      // the host adds its own error report valve only when none of this class is there yet
      context.getParent().getPipeline().addValve(quiet);
    });
  }
}
