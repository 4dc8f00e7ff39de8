package nl.zorgpad.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator account that always exists, so that the webapps' setup endpoint can never
 * create one (CVE in Camunda 7.24.0 CE, fixed only in enterprise patches).
 *
 * @param user id of the administrator account (default {@code admin})
 * @param password its password; set it with env {@code ZORGPAD_ADMIN_PASSWORD}. Required outside
 *     demo mode while the account does not exist; when set, it is applied at every start, so
 *     rotating the secret rotates the password.
 * @param defaultPassword demo mode only: the documented password used when none is given
 */
@ConfigurationProperties(prefix = "zorgpad.admin")
public record AdminProperties(String user, String password, String defaultPassword) {

  public AdminProperties {
    if (user == null || user.isBlank()) {
      user = "admin";
    }
  }
}
