package nl.zorgpad.socialmap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A professional colleagues can reach directly (vuistregel 3: hand over by direct talk, secure
 * mail or phone). Work details only.
 */
@Entity
@Table(name = "zp_contact")
public class Contact {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "team_id", nullable = false)
  private Team team;

  @Column(nullable = false, length = 150)
  private String name;

  @Column(nullable = false, length = 100)
  private String role;

  @Column(length = 30)
  private String phone;

  @Column(name = "secure_mail", length = 254)
  private String secureMail;

  protected Contact() {}

  Contact(Team team, String name) {
    this.team = team;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  public Team getTeam() {
    return team;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getSecureMail() {
    return secureMail;
  }

  public void setSecureMail(String secureMail) {
    this.secureMail = secureMail;
  }
}
