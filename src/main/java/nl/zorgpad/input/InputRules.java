package nl.zorgpad.input;

import jakarta.servlet.http.HttpServletRequest;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The rules of issue 10's input limits in one place, and their Dutch messages: which body size
 * applies to a path, what a text may hold, and how a refusal reads.
 */
@Component
class InputRules {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final InputLimitsProperties properties;
  private final MessageSource messages;

  InputRules(InputLimitsProperties properties, MessageSource messages) {
    this.properties = properties;
    this.messages = messages;
  }

  int maxTextLength() {
    return properties.maxTextLength();
  }

  /** The largest body a request to this path may have. */
  DataSize maxBody(HttpServletRequest request) {
    String path = path(request);
    if (path.startsWith("/modeling/api/")
        || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/")) {
      // models travel here (the workbench's editors, REST deployments)
      return properties.maxModelBody();
    }
    if (path.equals("/sociale-kaart/import")) {
      return properties.maxUploadBody();
    }
    return properties.maxBody();
  }

  /** A client that reads JSON: Zorgpad's APIs, the engine's, or one that asks for it. */
  static boolean wantsJson(HttpServletRequest request) {
    String path = path(request);
    if (path.startsWith("/api/")
        || path.startsWith("/modeling/api/")
        || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/api/")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /**
   * A control character (C0 except tab, line feed and carriage return; DEL; C1) or an invisible
   * bidirectional control (the marks U+200E/U+200F/U+061C, embeddings and overrides
   * U+202A–U+202E, isolates U+2066–U+2069): never typed by a user, but able to break logs, CSV
   * exports and the terminal of whoever reads them, or — an override — to show a reviewer text
   * in another order than it is stored ("Trojan Source", CVE-2021-42574).
   */
  static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || (c >= 0x7f && c <= 0x9f)
          || isBidiControl(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBidiControl(char c) {
    return c == '\u200e'
        || c == '\u200f'
        || c == '\u061c'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** Refuses {@code value} of {@code field} when it is too long or holds a control character. */
  void check(String field, String value, int max) {
    if (value == null) {
      return;
    }
    if (value.length() > max) {
      throw tooLong(field, max);
    }
    if (hasControlCharacter(value)) {
      throw new InputLimitException(
          400,
          "control-characters",
          "Field '" + field + "' contains control characters",
          label(field)
              .map(label -> text("input.controlCharacters", label))
              .orElseGet(() -> text("input.controlCharacters.unnamed")));
    }
  }

  InputLimitException tooLong(String field, int max) {
    return new InputLimitException(
        400,
        "input-too-long",
        "Field '" + field + "' is longer than " + max + " characters",
        label(field)
            .map(label -> text("input.tooLong", label, max))
            .orElseGet(() -> text("input.tooLong.unnamed", max)));
  }

  InputLimitException bodyTooLarge(DataSize max) {
    return new InputLimitException(
        413,
        "request-too-large",
        "The request body is larger than " + max.toBytes() + " bytes",
        text("input.bodyTooLarge", readable(max)));
  }

  InputLimitException badPath() {
    return new InputLimitException(
        400,
        "bad-path",
        "The path contains a path parameter, an encoded separator or a control character",
        text("input.badPath"));
  }

  String invalidParameter() {
    return text("input.invalid");
  }

  /** The Dutch name of a field with its article ({@code input.field.<name>}), if it has one. */
  Optional<String> label(String field) {
    String key = field == null ? "" : field.replaceAll("\\[\\d+]", "");
    return Optional.ofNullable(messages.getMessage("input.field." + key, null, null, DUTCH));
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, DUTCH);
  }

  private static String readable(DataSize size) {
    DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(DUTCH));
    if (size.toBytes() >= 1024 * 1024) {
      return format.format(size.toBytes() / (1024.0 * 1024.0)) + " MB";
    }
    return format.format(size.toBytes() / 1024.0) + " kB";
  }
}
