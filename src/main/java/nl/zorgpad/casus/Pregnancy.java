package nl.zorgpad.casus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** The pregnancy of a case: due date, gestational age at the signal, parity (part of the mother's dossier). */
@Entity
@Table(name = "zp_pregnancy")
public class Pregnancy {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private Long caseFileId;

  @Column(name = "due_date", nullable = false)
  private LocalDate dueDate;

  @Column(name = "gestational_age_weeks_at_signal", nullable = false)
  private int gestationalAgeWeeksAtSignal;

  /** Number of earlier births (0: first child); null while unknown. */
  @Column(name = "parity")
  private Integer parity;

  protected Pregnancy() {
    // for JPA
  }

  Pregnancy(Long caseFileId, LocalDate dueDate, int gestationalAgeWeeksAtSignal) {
    this.caseFileId = caseFileId;
    this.dueDate = dueDate;
    this.gestationalAgeWeeksAtSignal = gestationalAgeWeeksAtSignal;
  }

  void setParity(Integer parity) {
    this.parity = parity;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseFileId() {
    return caseFileId;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public int getGestationalAgeWeeksAtSignal() {
    return gestationalAgeWeeksAtSignal;
  }

  public Integer getParity() {
    return parity;
  }
}
