package nl.zorgpad.casus;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.zorgpad.postcode.Postcode;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Pseudonymous match keys of a client (decision 0008): HMAC-SHA256 with the installation secret
 * ({@link MatchProperties}) over what identifies her, so that the dossier can recognise a second
 * signal for the same woman without keeping a second copy of her BSN, and no key can be computed
 * from a BSN without the secret. The coalition (engine tenant) is part of every key: a woman is
 * only ever matched within the coalition that signalled her (decision 0005).
 *
 * <ul>
 *   <li>{@link MatchKind#BSN_BIRTH_DATE}: {@code bsn-geboortedatum|<coalition>|<bsn>|<date>}</li>
 *   <li>{@link MatchKind#BIRTH_DATE_POSTCODE}: {@code geboortedatum-postcode|<coalition>|<date>|
 *       <pc4>} — the four digits, so that a PC4-only signal and a full postcode meet</li>
 * </ul>
 */
@Component
@EnableConfigurationProperties(MatchProperties.class)
public class ClientMatchKeys {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] secret;
  private final String secretId;

  public ClientMatchKeys(MatchProperties properties) {
    String configured = properties.secret();
    String chosen;
    if (configured != null && !configured.isBlank()) {
      if (configured.strip().length() < MatchProperties.MIN_SECRET_LENGTH) {
        throw new IllegalStateException(
            "The match secret (ZORGPAD_MATCH_SECRET) must have at"
                + " least "
                + MatchProperties.MIN_SECRET_LENGTH
                + " characters");
      }
      chosen = configured.strip();
    } else {
      chosen = properties.defaultSecret();
    }
    if (chosen == null || chosen.isBlank()) {
      throw new IllegalStateException(
          "No match secret: set the environment variable"
              + " ZORGPAD_MATCH_SECRET (at least "
              + MatchProperties.MIN_SECRET_LENGTH
              + " random characters, see docs/decisions/0008-one-case-per-woman.md) or start the"
              + " demo with --spring.profiles.active=demo");
    }
    this.secret = chosen.getBytes(StandardCharsets.UTF_8);
    this.secretId = hmac("zorgpad-match-secret-id").substring(0, 16);
  }

  /** For tests and tools: keys with a given secret. */
  public static ClientMatchKeys withSecret(String secret) {
    return new ClientMatchKeys(new MatchProperties(null, secret));
  }

  /** Which secret made a key: changes when the secret is rotated; reveals nothing of it. */
  public String secretId() {
    return secretId;
  }

  /** Every key the data allows, strongest first; empty when there is not enough to match on. */
  public List<MatchKey> keysOf(String coalition, String bsn, LocalDate birthDate, String postcode) {
    List<MatchKey> keys = new ArrayList<>();
    if (birthDate == null) {
      return keys;
    }
    String tenant = coalition == null ? "" : coalition;
    if (bsn != null && !bsn.isBlank()) {
      keys.add(
          new MatchKey(
              MatchKind.BSN_BIRTH_DATE,
              hmac(
                  String.join(
                      "|",
                      MatchKind.BSN_BIRTH_DATE.code(),
                      tenant,
                      bsn.strip(),
                      birthDate.toString()))));
    }
    Postcode.normalise(postcode)
        .ifPresent(
            normalised ->
                keys.add(
                    new MatchKey(
                        MatchKind.BIRTH_DATE_POSTCODE,
                        hmac(
                            String.join(
                                "|",
                                MatchKind.BIRTH_DATE_POSTCODE.code(),
                                tenant,
                                birthDate.toString(),
                                Postcode.pc4(normalised))))));
    return keys;
  }

  public List<MatchKey> keysOf(String coalition, ClientDetails details) {
    return keysOf(coalition, details.bsn(), details.birthDate(), details.postcode());
  }

  private String hmac(String input) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** One key: its kind and the hex HMAC. */
  public record MatchKey(MatchKind kind, String hash) {}
}
