package nl.zorgpad.refusal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Dutch texts from Zorgpad's message bundle ({@code messages.properties}, Dutch) for code that runs
 * inside the engine or a JAX-RS provider, where Spring's {@code MessageSource} is not at hand
 * (also in the plain-engine tests). Arguments as Spring formats them: {@link MessageFormat}.
 */
public final class DutchText {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private DutchText() {}

  /** The text of {@code key}; with arguments, {@code {0}}, {@code {1}}… filled in. */
  public static String of(String key, Object... arguments) {
    String pattern = ResourceBundle.getBundle("messages", DUTCH).getString(key);
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, DUTCH).format(arguments);
  }
}
