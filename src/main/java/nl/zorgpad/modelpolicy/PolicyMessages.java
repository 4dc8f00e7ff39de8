package nl.zorgpad.modelpolicy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The Dutch texts of the model policy, from Zorgpad's message bundle ({@code modelpolicy.*} in
 * {@code messages.properties}). Read with {@link ResourceBundle} rather than Spring's message
 * source because the policy also runs inside the plain engine of the process tests.
 */
final class PolicyMessages {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle(
          "messages",
          DUTCH,
          PolicyMessages.class.getClassLoader(),
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

  private PolicyMessages() {}

  static String text(String key, Object... args) {
    String pattern;
    try {
      pattern = BUNDLE.getString("modelpolicy." + key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("Missing message modelpolicy." + key, e);
    }
    return new MessageFormat(pattern, DUTCH).format(args);
  }
}
