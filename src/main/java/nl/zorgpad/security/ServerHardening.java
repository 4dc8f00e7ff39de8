package nl.zorgpad.security;

import java.io.IOException;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;

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
        throw new IllegalStateException(
            "server.forward-headers-strategy=framework trusts"
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
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> quietContainerErrorPages(
      MessageSource messages) {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              ErrorReportValve quiet = new DutchErrorReportValve(messages);
              quiet.setShowReport(false);
              quiet.setShowServerInfo(false);
              // the host adds its own error report valve only when none of this class is there yet
              context.getParent().getPipeline().addValve(quiet);
            });
  }

  /** Tomcat's error page in Dutch, without anything about the server or the cause. */
  static final class DutchErrorReportValve extends ErrorReportValve {

    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private final MessageSource messages;

    DutchErrorReportValve(MessageSource messages) {
      this.messages = messages;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      String title = HtmlUtils.htmlEscape(messages.getMessage("error.title", null, DUTCH));
      String text =
          HtmlUtils.htmlEscape(
              messages.getMessage(
                  status == 400
                      ? "error.badRequest"
                      : status == 404 ? "error.notFound" : "error.generic",
                  null,
                  DUTCH));
      try {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        java.io.PrintWriter writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                  + "<title>"
                  + title
                  + "</title></head><body><h1>"
                  + title
                  + "</h1><p>"
                  + text
                  + "</p></body></html>\n");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException ignored) {
        // the connection is gone or the response committed: nothing more to say
      }
    }
  }
}
