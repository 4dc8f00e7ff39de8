package nl.zorgpad.casus;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The installation secret of the match keys (decision 0008).
 *
 * @param secret the secret of this installation: env {@code ZORGPAD_MATCH_SECRET}, at least 32
 *     characters. Required outside demo mode: without it Zorgpad refuses to start. Changing it
 *     rotates every key at the next start ({@link ClientMatchKeyRotation}).
 * @param defaultSecret demo and tests only (application-demo.yaml): the documented secret used
 *     when none is given
 */
@ConfigurationProperties(prefix = "zorgpad.match")
public record MatchProperties(String secret, String defaultSecret) {

  /** Short secrets are guessable: with a BSN's small space a weak secret is no secret. */
  public static final int MIN_SECRET_LENGTH = 32;
}
