package nl.zorgpad.casus;

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
 * A pseudonymous match key of a case's client ({@link ClientMatchKeys}): derived from the mother's
 * dossier ({@link Client}) whenever it is saved, never from anything else, so that it can be
 * derived again with a new secret (rotation). Holds no personal data in readable form; lives only
 * in the dossier, never in the engine.
 */
@Entity
@Table(name = "zp_client_match_key")
public class ClientMatchKey {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, length = 20, updatable = false)
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false, length = 30, updatable = false)
  private MatchKind kind;

  @Column(name = "key_hash", nullable = false, length = 64, updatable = false)
  private String keyHash;

  @Column(name = "secret_id", nullable = false, length = 16, updatable = false)
  private String secretId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected ClientMatchKey() {
    // for JPA
  }

  ClientMatchKey(
      String caseNumber, ClientMatchKeys.MatchKey key, String secretId, Instant createdAt) {
    this.caseNumber = caseNumber;
    this.kind = key.kind();
    this.keyHash = key.hash();
    this.secretId = secretId;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public MatchKind getKind() {
    return kind;
  }

  public String getKeyHash() {
    return keyHash;
  }

  public String getSecretId() {
    return secretId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
