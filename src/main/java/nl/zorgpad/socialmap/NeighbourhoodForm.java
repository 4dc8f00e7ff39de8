package nl.zorgpad.socialmap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a coordinator edits of a neighbourhood (also one "wijk" row of the CSV file). */
public class NeighbourhoodForm {

  /** Codes and group ids: lower-case letters, digits and inner hyphens. */
  static final String CODE_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

  private Integer version;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 60, message = "{socialmap.error.tooLong}")
  @Pattern(regexp = CODE_PATTERN, message = "{socialmap.error.code}")
  private String code;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 100, message = "{socialmap.error.tooLong}")
  private String name;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 100, message = "{socialmap.error.tooLong}")
  private String municipality;

  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 100, message = "{socialmap.error.tooLong}")
  private String coalition;

  /** Ranges separated by commas: "3531-3534, 3551AA-3551KZ". */
  @NotBlank(message = "{socialmap.error.required}")
  @Size(max = 2000, message = "{socialmap.error.tooLong}")
  private String postcodes;

  public NeighbourhoodForm() {}

  NeighbourhoodForm(
      String code, String name, String municipality, String coalition, String postcodes) {
    this.code = code;
    this.name = name;
    this.municipality = municipality;
    this.coalition = coalition;
    this.postcodes = postcodes;
  }

  static NeighbourhoodForm of(Neighbourhood neighbourhood) {
    NeighbourhoodForm form =
        new NeighbourhoodForm(
            neighbourhood.getCode(),
            neighbourhood.getName(),
            neighbourhood.getMunicipality(),
            neighbourhood.getCoalition(),
            Postcodes.formatRanges(neighbourhood.getPostcodeRanges()));
    form.version = neighbourhood.getVersion();
    return form;
  }

  public Integer getVersion() {
    return version;
  }

  public void setVersion(Integer version) {
    this.version = version;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getMunicipality() {
    return municipality;
  }

  public void setMunicipality(String municipality) {
    this.municipality = municipality;
  }

  public String getCoalition() {
    return coalition;
  }

  public void setCoalition(String coalition) {
    this.coalition = coalition;
  }

  public String getPostcodes() {
    return postcodes;
  }

  public void setPostcodes(String postcodes) {
    this.postcodes = postcodes;
  }
}
