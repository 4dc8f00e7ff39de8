package nl.zorgpad.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * An emergency access (noodprocedure): one caregiver may open one case outside need-to-know, for
 * a limited time, with a reason she had to give. Never changed once granted.
 */
@Entity
@Immutable
@Table(name = "zp_emergency_access")
public class EmergencyAccess {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Column(name = "user_id", nullable = false, length = 100, updatable = false)
  private String userId;

  @Column(name = "reason", nullable = false, length = 1000, updatable = false)
  private String reason;

  @Column(name = "granted_at", nullable = false, updatable = false)
  private Instant grantedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  protected EmergencyAccess() {
    // for JPA
  }

  EmergencyAccess(
      String caseNumber, String userId, String reason, Instant grantedAt, Instant expiresAt) {
    this.caseNumber = caseNumber;
    this.userId = userId;
    this.reason = reason;
    this.grantedAt = grantedAt;
    this.expiresAt = expiresAt;
  }

  public boolean isActiveAt(Instant moment) {
    return !grantedAt.isAfter(moment) && expiresAt.isAfter(moment);
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getUserId() {
    return userId;
  }

  public String getReason() {
    return reason;
  }

  public Instant getGrantedAt() {
    return grantedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }
}
