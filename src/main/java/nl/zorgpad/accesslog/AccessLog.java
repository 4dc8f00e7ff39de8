package nl.zorgpad.accesslog;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes NEN 7513 access-log records. {@link #record} joins the caller's transaction and refuses
 * to run without one ({@link Propagation#MANDATORY}): the record commits or rolls back together
 * with the action it describes, so a change without its record cannot be committed — and when the
 * record cannot be written, the change is rolled back. {@link #recordRefusal} writes in its own
 * transaction, because a refused access usually ends in an exception that rolls the caller back.
 */
@Service
public class AccessLog {

  private final AccessLogRepository entries;
  private final CurrentActor currentActor;
  private final Clock clock;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  AccessLog(
      AccessLogRepository entries,
      CurrentActor currentActor,
      Clock clock,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.entries = entries;
    this.jdbc = jdbc;
    this.currentActor = currentActor;
    this.clock = clock;
  }

  /** Logs an access by the current user, inside the caller's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public AccessLogEntry record(AccessEvent event) {
    return entries.save(new AccessLogEntry(event, currentActor.get(), clock.instant()));
  }

  /** Logs an access by a given actor (engine glue that knows the engine's user). */
  @Transactional(propagation = Propagation.MANDATORY)
  public AccessLogEntry record(AccessEvent event, Actor actor) {
    return entries.save(new AccessLogEntry(event, withAddress(actor), clock.instant()));
  }

  /**
   * Logs a listing that showed these cases (one record naming them, the evidence) and indexes
   * the record by each case in one batched insert ({@code zp_access_log_listed}), so that a
   * client's access report finds the listings that showed her case without reading every
   * listing ever logged.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public AccessLogEntry recordListing(AccessEvent event, java.util.Collection<String> caseNumbers) {
    // the id comes from the insert (IDENTITY), before the index rows that point at it
    AccessLogEntry entry =
        entries.save(new AccessLogEntry(event, currentActor.get(), clock.instant()));
    jdbc.batchUpdate(
        "insert into zp_access_log_listed (case_number, access_log_id) values (?, ?)",
        new java.util.LinkedHashSet<>(caseNumbers)
            .stream().map(caseNumber -> new Object[] {caseNumber, entry.getId()}).toList());
    return entry;
  }

  /** Logs a refused access; commits even when the caller's transaction rolls back. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public AccessLogEntry recordRefusal(AccessEvent event) {
    if (event.outcome() != AccessOutcome.DENIED) {
      throw new IllegalArgumentException("a refusal has outcome DENIED");
    }
    return entries.save(new AccessLogEntry(event, currentActor.get(), clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<AccessLogEntry> ofCase(String caseNumber) {
    return entries.findByCaseNumberOrderByIdAsc(caseNumber);
  }

  @Transactional(readOnly = true)
  public List<AccessLogEntry> ofUser(String userId) {
    return entries.findByUserIdOrderByIdAsc(userId);
  }

  @Transactional(readOnly = true)
  public List<AccessLogEntry> ofClient(String clientId) {
    return entries.findByClientIdOrderByIdAsc(clientId);
  }

  private Actor withAddress(Actor actor) {
    if (actor.networkAddress() != null) {
      return actor;
    }
    return new Actor(
        actor.userId(),
        actor.responsibleUserId(),
        actor.groups(),
        currentActor.get().networkAddress());
  }
}
