package nl.zorgpad.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.regex.Pattern;

/**
 * What every refusal of the engine doors looks like (issue 10): the status, Camunda's JSON shape
 * ({@code type}, {@code message}, {@code code}) with the Dutch text as {@code message}, the same
 * as {@code userMessage}, and no internals — no stack trace, class name, package or engine code.
 */
public final class RefusalAssertions {

  /** Internals that must never reach a user. */
  public static final Pattern INTERNALS =
      Pattern.compile(
          "ENGINE-\\d|Exception|\\bat (org|java|nl)\\.|org\\.camunda|java\\.(lang|util)|nl\\.zorgpad"
              + "|apache\\.org|Cannot instantiate|Cannot submit|\\$\\{");

  private static final ObjectMapper JSON = new ObjectMapper();

  private RefusalAssertions() {}

  /** Asserts the status and shape; returns the body. */
  public static JsonNode assertRefused(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("status of %s: %s", response.uri(), response.body())
        .isEqualTo(status);
    assertThat(response.body()).as("body of %s", response.uri()).doesNotContainPattern(INTERNALS);
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
    assertThat(body.path("type").asText()).isNotBlank();
    assertThat(body.path("message").asText())
        .isNotBlank()
        .isEqualTo(body.path("userMessage").asText());
    return body;
  }
}
