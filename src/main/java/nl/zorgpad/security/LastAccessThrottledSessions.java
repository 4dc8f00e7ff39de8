package nl.zorgpad.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The HTTP sessions of decision 0009 (Spring Session JDBC), with the last access written at most
 * once per {@code zorgpad.session.last-access-write-interval} (one minute) instead of on every
 * request. Spring Session's filter sets the session's last access time on each request, which
 * marks the row changed and makes every request — each Tasklist call, each task completion — end
 * with an {@code UPDATE zp_session} in a transaction of its own: on the embedded H2 default a
 * store of the file (docs/benchmarks.md, "Sessions").
 *
 * <p>A request within the interval of the stored last access leaves the time as stored; the
 * attributes (login, CSRF token, the webapps' authentication) are saved as before, and a new or
 * changed session id is written at once. The idle timeout ({@code server.servlet.session.timeout},
 * 30 minutes) therefore counts from a moment at most one interval before the last request: a
 * session may end up to one minute early, never late.
 *
 * <p>Spring Boot makes the JDBC repository only while there is no other session repository, so
 * this one is not a bean of its own: {@link Wrapping} puts it around the JDBC repository bean.
 */
public final class LastAccessThrottledSessions
    implements FindByIndexNameSessionRepository<Session>, DisposableBean {

  private final JdbcIndexedSessionRepository repository;
  private final FindByIndexNameSessionRepository<Session> sessions;
  private final Duration interval;

  @SuppressWarnings("unchecked")
  LastAccessThrottledSessions(JdbcIndexedSessionRepository repository, Duration interval) {
    this.repository = repository;
    // its session class is package-private: used through Session (its bridge methods)
    this.sessions = (FindByIndexNameSessionRepository<Session>) (Object) repository;
    this.interval = interval;
  }

  /** Puts the throttle around Spring Session's JDBC repository bean. */
  @Component
  static class Wrapping implements BeanPostProcessor, EnvironmentAware {

    private Duration interval = Duration.ofMinutes(1);

    @Override
    public void setEnvironment(Environment environment) {
      interval =
          Binder.get(environment)
              .bind("zorgpad.session.last-access-write-interval", Duration.class)
              .orElse(Duration.ofMinutes(1));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
      return bean instanceof JdbcIndexedSessionRepository repository
          ? new LastAccessThrottledSessions(repository, interval)
          : bean;
    }
  }

  @Override
  public void destroy() throws Exception {
    repository.destroy(); // its clean-up of expired sessions
  }

  @Override
  public Session createSession() {
    return new Throttled(sessions.createSession(), interval, true);
  }

  @Override
  public void save(Session session) {
    sessions.save(unwrap(session));
  }

  @Override
  public Session findById(String id) {
    Session session = sessions.findById(id);
    return session == null ? null : new Throttled(session, interval, false);
  }

  @Override
  public void deleteById(String id) {
    sessions.deleteById(id);
  }

  @Override
  public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
    Map<String, Session> found = new LinkedHashMap<>();
    sessions
        .findByIndexNameAndIndexValue(indexName, indexValue)
        .forEach((id, session) -> found.put(id, new Throttled(session, interval, false)));
    return found;
  }

  private static Session unwrap(Session session) {
    return session instanceof Throttled throttled ? throttled.session : session;
  }

  /** A stored session whose last access moves only once the interval has passed. */
  static final class Throttled implements Session {

    private final Session session;
    private final Duration interval;
    private final boolean created;

    /**
     * @param created made by this request (not yet stored): its times are written as set
     */
    Throttled(Session session, Duration interval, boolean created) {
      this.session = session;
      this.interval = interval;
      this.created = created;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      Instant stored = session.getLastAccessedTime();
      // never backwards (another node's clock a little behind), forward once the interval is up
      if (created || stored == null || !lastAccessedTime.isBefore(stored.plus(interval))) {
        session.setLastAccessedTime(lastAccessedTime);
      }
    }

    @Override
    public String getId() {
      return session.getId();
    }

    @Override
    public String changeSessionId() {
      return session.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String attributeName) {
      return session.getAttribute(attributeName);
    }

    @Override
    public Set<String> getAttributeNames() {
      return session.getAttributeNames();
    }

    @Override
    public void setAttribute(String attributeName, Object attributeValue) {
      session.setAttribute(attributeName, attributeValue);
    }

    @Override
    public void removeAttribute(String attributeName) {
      session.removeAttribute(attributeName);
    }

    @Override
    public Instant getCreationTime() {
      return session.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return session.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      session.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return session.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return session.isExpired();
    }
  }
}
