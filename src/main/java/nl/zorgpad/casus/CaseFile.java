package nl.zorgpad.casus;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dossier of one case (casus). Named CaseFile, not Case: {@code CASE} is a JPQL keyword.
 * Holds a pseudonymous client reference; who the client is (name, BSN, address) lives only in the
 * separate {@link Client} dossier, her child's in {@link Child}.
 */
@Entity
@Table(name = "zp_case_file")
public class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true, length = 20)
  private String caseNumber;

  @Column(name = "client_reference", nullable = false, length = 30)
  private String clientReference;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "gestational_age_weeks", nullable = false)
  private int gestationalAgeWeeksAtSignal;

  @Column(name = "signalling_discipline", nullable = false, length = 30)
  private String signallingDiscipline;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "zp_case_risk_domain", joinColumns = @JoinColumn(name = "case_file_id"))
  @OrderColumn(name = "list_index")
  @Column(name = "risk_domain", nullable = false, length = 50)
  private List<String> riskDomains = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 30)
  private CaseStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 100)
  private String createdBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  /** Why the case ended early ({@link CaseEndReason} code); null while active or at the end. */
  @Column(name = "end_reason", length = 30)
  private String endReason;

  /** The child's birth date: the first year is counted from it. No other data of the child. */
  @Column(name = "child_birth_date")
  private LocalDate childBirthDate;

  /** Neighbourhood code of the sociale kaart, found from the client's postcode; null if unknown. */
  @Column(name = "neighbourhood", length = 60)
  private String neighbourhood;

  /** User id of the regiehouder, null until someone takes that role. */
  @Column(name = "care_coordinator", length = 100)
  private String careCoordinator;

  protected CaseFile() {
    // for JPA
  }

  CaseFile(String caseNumber, Signal signal, String createdBy, Instant createdAt) {
    this.caseNumber = caseNumber;
    this.clientReference = signal.clientReference();
    this.dueDate = signal.dueDate();
    this.gestationalAgeWeeksAtSignal = signal.gestationalAgeWeeks();
    this.signallingDiscipline = signal.signallingDiscipline();
    this.riskDomains = new ArrayList<>(SignalRules.distinctRiskDomains(signal));
    this.status = CaseStatus.ACTIVE;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  void close(CaseStatus newStatus, Instant at) {
    if (newStatus.isOpen()) {
      throw new IllegalArgumentException("closing needs a closed status");
    }
    if (!status.isOpen()) {
      throw new IllegalStateException("case " + caseNumber + " is closed already (" + status + ")");
    }
    this.status = newStatus;
    this.closedAt = at;
  }

  /**
   * Changes how an open case stands (e.g. the meldcode runs without consent), without closing it.
   */
  void keepOpen(CaseStatus newStatus) {
    if (!newStatus.isOpen()) {
      throw new IllegalArgumentException("keeping a case open needs an open status");
    }
    if (!status.isOpen()) {
      throw new IllegalStateException("case " + caseNumber + " is closed already (" + status + ")");
    }
    this.status = newStatus;
  }

  void endEarly(CaseEndReason reason, Instant at) {
    close(reason.status(), at);
    this.endReason = reason.code();
  }

  void recordBirth(LocalDate birthDate) {
    this.childBirthDate = birthDate;
  }

  public String getEndReason() {
    return endReason;
  }

  public LocalDate getChildBirthDate() {
    return childBirthDate;
  }

  void setNeighbourhood(String neighbourhood) {
    this.neighbourhood = neighbourhood;
  }

  void setCareCoordinator(String careCoordinator) {
    this.careCoordinator = careCoordinator;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getClientReference() {
    return clientReference;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public int getGestationalAgeWeeksAtSignal() {
    return gestationalAgeWeeksAtSignal;
  }

  public String getSignallingDiscipline() {
    return signallingDiscipline;
  }

  public List<String> getRiskDomains() {
    return List.copyOf(riskDomains);
  }

  public CaseStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getNeighbourhood() {
    return neighbourhood;
  }

  public String getCareCoordinator() {
    return careCoordinator;
  }
}
