package nl.zorgpad.socialmap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a coordinator edits of an organisation (also one "organisatie" row of the CSV file). */
public class OrganisationForm {

  /** Dutch phone numbers as people write them: 030-1234567, 06 12345678, +31 30 123 4567. */
  static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()-]{6,22}[0-9]";

  private Integer version;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 150, message = "{socialmap.error.tooLong}")
  private String name;

  @NotNull(message = "{socialmap.error.choose}")
  private OrganisationType type;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 100, message = "{socialmap.error.tooLong}")
  private String coalition;

  @Size(max = 30, message = "{socialmap.error.tooLong}")
  @Pattern(regexp = PHONE_PATTERN, message = "{socialmap.error.phone}")
  private String phone;

  public OrganisationForm() {}

  OrganisationForm(String name, OrganisationType type, String coalition, String phone) {
    this.name = name;
    this.type = type;
    this.coalition = coalition;
    this.phone = phone;
  }

  static OrganisationForm of(Organisation organisation) {
    OrganisationForm form =
        new OrganisationForm(
            organisation.getName(),
            organisation.getType(),
            organisation.getCoalition(),
            organisation.getPhone());
    form.version = organisation.getVersion();
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

  public OrganisationType getType() {
    return type;
  }

  public void setType(OrganisationType type) {
    this.type = type;
  }

  public String getCoalition() {
    return coalition;
  }

  public void setCoalition(String coalition) {
    this.coalition = coalition;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }
}
