package nl.zorgpad.accesslog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One NEN 7513 access-log record: who (and on whose behalf), which client and object, what
 * action with what outcome, when, from where, why (purpose of use) and on what basis (consent
 * profile), and whether the emergency procedure was used. Immutable: no setters, every column
 * {@code updatable = false}, and Hibernate never issues an update for it ({@link Immutable}).
 */
@Entity
@Immutable
@Table(name = "zp_access_log")
public class AccessLogEntry {

  /** The source system field of NEN 7513 / IHE ATNA. */
  public static final String SOURCE_SYSTEM = "zorgpad";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "user_id", nullable = false, length = 100, updatable = false)
  private String userId;

  @Column(name = "responsible_user_id", nullable = false, length = 100, updatable = false)
  private String responsibleUserId;

  @Column(name = "user_roles", length = 500, updatable = false)
  private String userRoles;

  @Column(name = "client_id", length = 40, updatable = false)
  private String clientId;

  @Column(name = "case_number", length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "object_type", nullable = false, length = 40, updatable = false)
  private String objectType;

  @Column(name = "object_id", length = 100, updatable = false)
  private String objectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "action", nullable = false, length = 20, updatable = false)
  private AccessAction action;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome", nullable = false, length = 10, updatable = false)
  private AccessOutcome outcome;

  @Column(name = "network_address", length = 64, updatable = false)
  private String networkAddress;

  @Column(name = "source_system", nullable = false, length = 40, updatable = false)
  private String sourceSystem;

  @Column(name = "purpose_of_use", nullable = false, length = 30, updatable = false)
  private String purposeOfUse;

  @Column(name = "consent_basis", length = 60, updatable = false)
  private String consentBasis;

  @Column(name = "emergency", nullable = false, updatable = false)
  private boolean emergency;

  @Column(name = "detail", length = 1000, updatable = false)
  private String detail;

  /** Reserved for the hash chain of issue 5; null until then. */
  @Column(name = "previous_hash", length = 128, updatable = false)
  private String previousHash;

  /** Reserved for the hash chain of issue 5; null until then. */
  @Column(name = "hash", length = 128, updatable = false)
  private String hash;

  protected AccessLogEntry() {
    // for JPA
  }

  AccessLogEntry(AccessEvent event, Actor actor, Instant occurredAt) {
    this.occurredAt = occurredAt;
    this.userId = actor.userId();
    this.responsibleUserId = actor.responsibleUserId();
    this.userRoles = truncate(String.join(",", actor.groups()), 500);
    this.networkAddress = actor.networkAddress();
    this.clientId = event.clientId();
    this.caseNumber = event.caseNumber();
    this.objectType = event.objectType();
    this.objectId = event.objectId();
    this.action = event.action();
    this.outcome = event.outcome();
    this.sourceSystem = SOURCE_SYSTEM;
    this.purposeOfUse = event.purpose();
    this.consentBasis = event.basis();
    this.emergency = event.emergency();
    this.detail = truncate(event.detail(), 1000);
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }

  public Long getId() {
    return id;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getUserId() {
    return userId;
  }

  public String getResponsibleUserId() {
    return responsibleUserId;
  }

  public String getUserRoles() {
    return userRoles;
  }

  public String getClientId() {
    return clientId;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getObjectType() {
    return objectType;
  }

  public String getObjectId() {
    return objectId;
  }

  public AccessAction getAction() {
    return action;
  }

  public AccessOutcome getOutcome() {
    return outcome;
  }

  public String getNetworkAddress() {
    return networkAddress;
  }

  public String getSourceSystem() {
    return sourceSystem;
  }

  public String getPurposeOfUse() {
    return purposeOfUse;
  }

  public String getConsentBasis() {
    return consentBasis;
  }

  public boolean isEmergency() {
    return emergency;
  }

  public String getDetail() {
    return detail;
  }

  public String getPreviousHash() {
    return previousHash;
  }

  public String getHash() {
    return hash;
  }
}
