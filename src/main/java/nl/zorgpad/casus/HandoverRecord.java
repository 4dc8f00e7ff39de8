package nl.zorgpad.casus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A warm handover as the pathway recorded it (vuistregel 3): the sender's formal handover, and
 * later the recipient's confirmation that she has had contact with the client.
 */
@Entity
@Table(name = "zp_handover_record")
public class HandoverRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "process_instance_id", nullable = false, length = 64, updatable = false)
  private String processInstanceId;

  @Column(name = "sender_discipline", nullable = false, length = 30, updatable = false)
  private String senderDiscipline;

  @Column(name = "recipient_discipline", nullable = false, length = 30, updatable = false)
  private String recipientDiscipline;

  @Column(name = "method", nullable = false, length = 30, updatable = false)
  private String method;

  @Column(name = "handover_date", nullable = false, updatable = false)
  private LocalDate handoverDate;

  @Column(name = "client_informed", nullable = false, updatable = false)
  private boolean clientInformed;

  @Column(name = "recorded_by", nullable = false, length = 100, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  @Column(name = "contact_date")
  private LocalDate contactDate;

  @Column(name = "contact_method", length = 30)
  private String contactMethod;

  @Column(name = "confirmed_by", length = 100)
  private String confirmedBy;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  protected HandoverRecord() {
    // for JPA
  }

  HandoverRecord(
      String caseNumber,
      String processInstanceId,
      String senderDiscipline,
      String recipientDiscipline,
      Handover handover,
      String recordedBy,
      Instant recordedAt) {
    this.caseNumber = caseNumber;
    this.processInstanceId = processInstanceId;
    this.senderDiscipline = senderDiscipline;
    this.recipientDiscipline = recipientDiscipline;
    this.method = handover.method();
    this.handoverDate = handover.date();
    this.clientInformed = Boolean.TRUE.equals(handover.clientInformed());
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  void confirm(LocalDate contactDate, String contactMethod, String by, Instant at) {
    this.contactDate = contactDate;
    this.contactMethod = contactMethod;
    this.confirmedBy = by;
    this.confirmedAt = at;
  }

  public boolean isConfirmed() {
    return confirmedAt != null;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public String getSenderDiscipline() {
    return senderDiscipline;
  }

  public String getRecipientDiscipline() {
    return recipientDiscipline;
  }

  public String getMethod() {
    return method;
  }

  public LocalDate getHandoverDate() {
    return handoverDate;
  }

  public boolean isClientInformed() {
    return clientInformed;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public LocalDate getContactDate() {
    return contactDate;
  }

  public String getContactMethod() {
    return contactMethod;
  }

  public String getConfirmedBy() {
    return confirmedBy;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }
}
