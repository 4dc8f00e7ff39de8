package nl.zorgpad.casus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One signal of a case: the first (that opened it), one that joined it because it was recognised
 * as the same woman (decision 0008), or one that came with a duplicate case merged into it.
 * Pseudonymous like the case itself: the signaller's discipline, team and person, her own client
 * reference, the due date and risk domains she gave — never the BSN, birth date or postcode
 * (those only ever reach {@link Client}, or, for a joining signal, nothing but the match).
 */
@Entity
@Table(name = "zp_case_signal")
public class CaseSignal {

  /** How the signal came into the case. */
  public enum Origin {
    /** Opened the case. */
    FIRST,
    /** A later signal for the same woman joined her open case. */
    JOINED,
    /** Came with a duplicate case that the regiehouder merged into this one. */
    MERGED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "origin", nullable = false, length = 20, updatable = false)
  private Origin origin;

  @Column(name = "signalling_discipline", nullable = false, length = 30, updatable = false)
  private String signallingDiscipline;

  @Column(name = "group_id", length = 64, updatable = false)
  private String groupId;

  @Column(name = "user_id", nullable = false, length = 100, updatable = false)
  private String userId;

  @Column(name = "client_reference", length = 30, updatable = false)
  private String clientReference;

  @Column(name = "due_date", updatable = false)
  private LocalDate dueDate;

  /** Risk-domain codes, comma-separated. */
  @Column(name = "risk_domains", nullable = false, length = 700, updatable = false)
  private String riskDomains;

  @Enumerated(EnumType.STRING)
  @Column(name = "match_kind", length = 30, updatable = false)
  private MatchKind matchKind;

  /** The key it matched on (a joined signal), so that a detached signal never matches again. */
  @Column(name = "match_key_hash", length = 64, updatable = false)
  private String matchKeyHash;

  /** The case it came from (a merged signal). */
  @Column(name = "merged_from", length = 20, updatable = false)
  private String mergedFrom;

  @Column(name = "signalled_at", nullable = false, updatable = false)
  private Instant signalledAt;

  @Column(name = "detached_at")
  private Instant detachedAt;

  @Column(name = "detached_by", length = 100)
  private String detachedBy;

  protected CaseSignal() {
    // for JPA
  }

  CaseSignal(
      String caseNumber,
      Origin origin,
      Signal signal,
      String groupId,
      String userId,
      Instant signalledAt) {
    this.caseNumber = caseNumber;
    this.origin = origin;
    this.signallingDiscipline = signal.signallingDiscipline();
    this.groupId = groupId;
    this.userId = userId;
    this.clientReference = signal.clientReference();
    this.dueDate = signal.dueDate();
    this.riskDomains = String.join(",", SignalRules.distinctRiskDomains(signal));
    this.signalledAt = signalledAt;
  }

  /** A signal of a duplicate case, now part of the case it was merged into. */
  static CaseSignal mergedCopy(String caseNumber, CaseSignal from) {
    CaseSignal copy = new CaseSignal();
    copy.caseNumber = caseNumber;
    copy.origin = Origin.MERGED;
    copy.signallingDiscipline = from.signallingDiscipline;
    copy.groupId = from.groupId;
    copy.userId = from.userId;
    copy.clientReference = from.clientReference;
    copy.dueDate = from.dueDate;
    copy.riskDomains = from.riskDomains;
    copy.matchKind = from.matchKind;
    copy.mergedFrom = from.caseNumber;
    copy.signalledAt = from.signalledAt;
    return copy;
  }

  CaseSignal matchedOn(MatchKind kind, String keyHash) {
    this.matchKind = kind;
    this.matchKeyHash = keyHash;
    return this;
  }

  void detach(Instant at, String by) {
    this.detachedAt = at;
    this.detachedBy = by;
  }

  public boolean isDetached() {
    return detachedAt != null;
  }

  /** A joined signal on a weaker match that still waits for the regiehouder's judgement. */
  public boolean isWeakMatch() {
    return matchKind != null && !matchKind.strong();
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public Origin getOrigin() {
    return origin;
  }

  public String getSignallingDiscipline() {
    return signallingDiscipline;
  }

  public String getGroupId() {
    return groupId;
  }

  public String getUserId() {
    return userId;
  }

  public String getClientReference() {
    return clientReference;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public List<String> getRiskDomains() {
    return riskDomains.isEmpty() ? List.of() : Arrays.asList(riskDomains.split(","));
  }

  public MatchKind getMatchKind() {
    return matchKind;
  }

  public String getMatchKeyHash() {
    return matchKeyHash;
  }

  public String getMergedFrom() {
    return mergedFrom;
  }

  public Instant getSignalledAt() {
    return signalledAt;
  }

  public Instant getDetachedAt() {
    return detachedAt;
  }

  public String getDetachedBy() {
    return detachedBy;
  }
}
