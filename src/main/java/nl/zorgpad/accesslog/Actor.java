package nl.zorgpad.accesslog;

import java.util.List;

/**
 * Who acts, as the access log records it.
 *
 * @param userId the user who acted ({@code system} for timers and startup work)
 * @param responsibleUserId on whose behalf (the same user unless someone acts for a colleague)
 * @param groups the user's group ids: disciplines, teams and roles
 * @param networkAddress the client's IP address of the HTTP request, null outside a request
 */
public record Actor(
    String userId, String responsibleUserId, List<String> groups, String networkAddress) {

  public static final String SYSTEM = "system";

  public Actor {
    groups = groups == null ? List.of() : List.copyOf(groups);
    if (responsibleUserId == null) {
      responsibleUserId = userId;
    }
  }

  public static Actor system() {
    return new Actor(SYSTEM, SYSTEM, List.of(), null);
  }
}
