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

/**
 * A team (its candidate group, e.g. {@code jgz-utrecht-west}, or a discipline group) and/or one
 * person involved in a case, from a moment until a moment (open-ended while {@code until} is
 * null). Need-to-know is built on it: a caregiver sees a case while her team is involved.
 */
@Entity
@Table(name = "zp_involvement")
public class Involvement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "group_id", length = 64, updatable = false)
  private String groupId;

  @Column(name = "discipline", nullable = false, length = 30, updatable = false)
  private String discipline;

  @Column(name = "user_id", length = 100, updatable = false)
  private String userId;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 30, updatable = false)
  private InvolvementRole role;

  @Column(name = "from_at", nullable = false, updatable = false)
  private Instant from;

  @Column(name = "until_at")
  private Instant until;

  @Column(name = "created_by", nullable = false, length = 100, updatable = false)
  private String createdBy;

  @Column(name = "ended_by", length = 100)
  private String endedBy;

  protected Involvement() {
    // for JPA
  }

  Involvement(
      String caseNumber,
      String groupId,
      String discipline,
      String userId,
      InvolvementRole role,
      Instant from,
      String createdBy) {
    if (groupId == null && userId == null) {
      throw new IllegalArgumentException("an involvement names a group or a person");
    }
    this.caseNumber = caseNumber;
    this.groupId = groupId;
    this.discipline = discipline;
    this.userId = userId;
    this.role = role;
    this.from = from;
    this.createdBy = createdBy;
  }

  void end(Instant at, String by) {
    if (until == null || until.isAfter(at)) {
      this.until = at;
      this.endedBy = by;
    }
  }

  public boolean isActiveAt(Instant moment) {
    return !from.isAfter(moment) && (until == null || until.isAfter(moment));
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getGroupId() {
    return groupId;
  }

  public String getDiscipline() {
    return discipline;
  }

  public String getUserId() {
    return userId;
  }

  public InvolvementRole getRole() {
    return role;
  }

  public Instant getFrom() {
    return from;
  }

  public Instant getUntil() {
    return until;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getEndedBy() {
    return endedBy;
  }
}
