package nl.zorgpad.socialmap;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a coordinator edits of a contact (also one "contact" row of the CSV file). */
public class ContactForm {

  private Integer version;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 150, message = "{socialmap.error.tooLong}")
  private String name;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 100, message = "{socialmap.error.tooLong}")
  private String role;

  @Size(max = 30, message = "{socialmap.error.tooLong}")
  @Pattern(regexp = OrganisationForm.PHONE_PATTERN, message = "{socialmap.error.phone}")
  private String phone;

  @Size(max = 254, message = "{socialmap.error.tooLong}")
  @Email(message = "{socialmap.error.email}")
  private String secureMail;

  public ContactForm() {}

  ContactForm(String name, String role, String phone, String secureMail) {
    this.name = name;
    this.role = role;
    this.phone = phone;
    this.secureMail = secureMail;
  }

  static ContactForm of(Contact contact) {
    ContactForm form =
        new ContactForm(
            contact.getName(), contact.getRole(), contact.getPhone(), contact.getSecureMail());
    form.version = contact.getVersion();
    return form;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
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
