package nl.zorgpad.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Need-to-know settings ({@code zorgpad.access.*}).
 *
 * @param emergencyDuration how long an emergency access (noodprocedure) lasts; default 4 hours,
 *     enough for one urgent situation, short enough that it is not a back door
 * @param emergencyReasonMinLength the reason must say something: at least this many characters
 *     (default 10)
 */
@ConfigurationProperties(prefix = "zorgpad.access")
public record AccessProperties(Duration emergencyDuration, Integer emergencyReasonMinLength) {

  public AccessProperties {
    if (emergencyDuration == null || emergencyDuration.isNegative() || emergencyDuration.isZero()) {
      emergencyDuration = Duration.ofHours(4);
    }
    if (emergencyReasonMinLength == null || emergencyReasonMinLength < 1) {
      emergencyReasonMinLength = 10;
    }
  }

  public static AccessProperties defaults() {
    return new AccessProperties(null, null);
  }
}
