package nl.zorgpad.consent;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One report to Veilig Thuis without consent (meldrecht); append-only like consent records. */
@Entity
@Table(name = "zp_right_to_report")
public class RightToReportRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "reporting_discipline", nullable = false, length = 30, updatable = false)
  private String reportingDiscipline;

  @Column(name = "reported_on", nullable = false, updatable = false)
  private LocalDate reportedOn;

  @Column(name = "client_informed", nullable = false, length = 30, updatable = false)
  private String clientInformed;

  @Column(name = "legal_ground", nullable = false, length = 30, updatable = false)
  private String legalGround;

  @Column(name = "recorded_by", nullable = false, length = 100, updatable = false)
  private String recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected RightToReportRecord() {
    // for JPA
  }

  RightToReportRecord(RightToReportStatement statement) {
    this.caseNumber = statement.caseNumber();
    this.reportingDiscipline = statement.reportingDiscipline();
    this.reportedOn = statement.reportedOn();
    this.clientInformed = statement.clientInformed();
    this.legalGround = RightToReportStatement.LEGAL_GROUND;
    this.recordedBy = statement.recordedBy();
    this.recordedAt = statement.recordedAt().toInstant();
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getReportingDiscipline() {
    return reportingDiscipline;
  }

  public LocalDate getReportedOn() {
    return reportedOn;
  }

  public String getClientInformed() {
    return clientInformed;
  }

  public String getLegalGround() {
    return legalGround;
  }

  public String getRecordedBy() {
    return recordedBy;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }
}
