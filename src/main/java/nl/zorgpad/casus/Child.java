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

/**
 * A child's dossier, separate from the mother's {@link Client} (vuistregel 6). Exists before
 * birth as a prenatal dossier without name or birth date.
 */
@Entity
@Table(name = "zp_child")
public class Child {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private Long caseFileId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 20)
  private ChildStatus status;

  @Column(name = "given_name", length = 100)
  private String givenName;

  @Column(name = "family_name", length = 100)
  private String familyName;

  @Column(name = "bsn", length = 9)
  private String bsn;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "opened_by", nullable = false, length = 100, updatable = false)
  private String openedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  protected Child() {
    // for JPA
  }

  Child(Long caseFileId, Instant at, String by) {
    this.caseFileId = caseFileId;
    this.status = ChildStatus.PRENATAL;
    this.openedAt = at;
    this.openedBy = by;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  void apply(ChildDetails details, Instant at, String by) {
    this.givenName = details.givenName();
    this.familyName = details.familyName();
    this.bsn = details.bsn();
    this.birthDate = details.birthDate();
    this.status = details.birthDate() == null ? ChildStatus.PRENATAL : ChildStatus.BORN;
    this.updatedAt = at;
    this.updatedBy = by;
  }

  /** The id the access log uses for the child: {@code child:<id>}. */
  public String logId() {
    return "child:" + id;
  }

  public Long getId() {
    return id;
  }

  public Long getCaseFileId() {
    return caseFileId;
  }

  public ChildStatus getStatus() {
    return status;
  }

  public String getGivenName() {
    return givenName;
  }

  public String getFamilyName() {
    return familyName;
  }

  public String getBsn() {
    return bsn;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
