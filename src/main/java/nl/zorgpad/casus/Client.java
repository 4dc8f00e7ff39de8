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
 * The mother's dossier (cliënt): who she is and where she lives. The only place, with
 * {@link Child}, where Zorgpad keeps personal data; entered by an involved caregiver on the page
 * "Cliëntgegevens", never through engine forms or process variables.
 */
@Entity
@Table(name = "zp_client")
public class Client {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "case_file_id", nullable = false, updatable = false)
  private Long caseFileId;

  @Column(name = "given_name", length = 100)
  private String givenName;

  @Column(name = "family_name", length = 100)
  private String familyName;

  @Column(name = "bsn", length = 9)
  private String bsn;

  @Column(name = "birth_date")
  private LocalDate birthDate;

  @Column(name = "street", length = 150)
  private String street;

  @Column(name = "house_number", length = 20)
  private String houseNumber;

  @Column(name = "postcode", length = 7)
  private String postcode;

  @Column(name = "city", length = 100)
  private String city;

  @Column(name = "phone", length = 30)
  private String phone;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 100)
  private String updatedBy;

  protected Client() {
    // for JPA
  }

  Client(Long caseFileId) {
    this.caseFileId = caseFileId;
  }

  void apply(ClientDetails details, Instant at, String by) {
    this.givenName = details.givenName();
    this.familyName = details.familyName();
    this.bsn = details.bsn();
    this.birthDate = details.birthDate();
    this.street = details.street();
    this.houseNumber = details.houseNumber();
    this.postcode = details.postcode();
    this.city = details.city();
    this.phone = details.phone();
    this.updatedAt = at;
    this.updatedBy = by;
  }

  /** The id the access log uses for her: {@code client:<id>}. */
  public String logId() {
    return "client:" + id;
  }

  public ClientDetails details() {
    return new ClientDetails(
        givenName, familyName, bsn, birthDate, street, houseNumber, postcode, city, phone);
  }

  public Long getId() {
    return id;
  }

  public Long getCaseFileId() {
    return caseFileId;
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

  public String getStreet() {
    return street;
  }

  public String getHouseNumber() {
    return houseNumber;
  }

  public String getPostcode() {
    return postcode;
  }

  public String getCity() {
    return city;
  }

  public String getPhone() {
    return phone;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
