package nl.zorgpad.accesslog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link Actor} of the current thread: the user Spring Security authenticated (pages, the
 * Tasklist and the REST API share that login, so engine listeners that run in a request see the
 * same user) and the remote address of the request. Without a logged-in user (engine timers,
 * startup): {@link Actor#system()}.
 */
@Component
public class CurrentActor {

  private static final String GROUP_PREFIX = "GROUP_";

  public Actor get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      return new Actor(Actor.SYSTEM, Actor.SYSTEM, List.of(), networkAddress());
    }
    List<String> groups =
        authentication.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .filter(authority -> authority.startsWith(GROUP_PREFIX))
            .map(authority -> authority.substring(GROUP_PREFIX.length()))
            .toList();
    return new Actor(authentication.getName(), authentication.getName(), groups, networkAddress());
  }

  /**
   * The remote address as the servlet container sees it. Behind a reverse proxy, enable
   * {@code server.forward-headers-strategy=native} so that this is the client's address.
   */
  private static String networkAddress() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
