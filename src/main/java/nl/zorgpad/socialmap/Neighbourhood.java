package nl.zorgpad.socialmap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * A wijk: the area a team serves, found from a client's postcode. The code (e.g.
 * {@code utrecht-lombok}) is what a case and a process variable refer to — never an address.
 */
@Entity
@Table(name = "zp_neighbourhood")
public class Neighbourhood {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(nullable = false, length = 60, unique = true)
  private String code;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(nullable = false, length = 100)
  private String municipality;

  @Column(nullable = false, length = 100)
  private String coalition;

  @ElementCollection
  @CollectionTable(name = "zp_postcode_range", joinColumns = @JoinColumn(name = "neighbourhood_id"))
  @OrderColumn(name = "list_index")
  private List<PostcodeRange> postcodeRanges = new ArrayList<>();

  protected Neighbourhood() {}

  public Neighbourhood(String code) {
    this.code = code;
  }

  public Long getId() {
    return id;
  }

  public int getVersion() {
    return version;
  }

  public String getCode() {
    return code;
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

  public List<PostcodeRange> getPostcodeRanges() {
    return List.copyOf(postcodeRanges);
  }

  /** "3531, 3532AA-3532KZ". */
  public String getPostcodeRangesText() {
    return Postcodes.formatRanges(postcodeRanges);
  }

  void setPostcodeRanges(List<PostcodeRange> ranges) {
    if (!postcodeRanges.equals(ranges)) {
      postcodeRanges.clear();
      postcodeRanges.addAll(ranges);
    }
  }

  /** "Lombok (Utrecht)". */
  public String getDisplayName() {
    return name + " (" + municipality + ")";
  }
}
