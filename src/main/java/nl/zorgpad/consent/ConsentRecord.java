package nl.zorgpad.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded consent decision. Records are only added, never changed: a withdrawal is a new
 * record, so the history of what the client decided stays visible.
 */
@Entity
@Table(name = "zp_consent_record")
public class ConsentRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "recipient_discipline", nullable = false, length = 30, updatable = false)
  private String recipientDiscipline;

  @Column(name = "purpose", nullable = false, length = 50, updatable = false)
  private String purpose;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, length = 20, updatable = false)
  private ConsentDecision decision;

  @Column(name = "reason_code", length = 50, updatable = false)
  private String reasonCode;

  /** A refusal after which the client agreed to be asked again later (issue 11). */
  @Column(name = "ask_again", nullable = false, updatable = false)
  private boolean askAgain;

  @Column(name = "recorded_by", nullable = false, length = 100, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected ConsentRecord() {
    // for JPA
  }

  ConsentRecord(ConsentStatement statement) {
    this.caseNumber = statement.caseNumber();
    this.recipientDiscipline = statement.recipientDiscipline();
    this.purpose = statement.purpose();
    this.decision = statement.decision();
    this.reasonCode = statement.reasonCode();
    this.askAgain = statement.askAgain();
    this.recordedBy = statement.recordedBy();
    this.recordedAt = statement.recordedAt().toInstant();
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getRecipientDiscipline() {
    return recipientDiscipline;
  }

  public String getPurpose() {
    return purpose;
  }

  public ConsentDecision getDecision() {
    return decision;
  }

  public String getReasonCode() {
    return reasonCode;
  }

  public boolean isAskAgain() {
    return askAgain;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
