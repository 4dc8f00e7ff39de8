package nl.zorgpad.socialmap;

import java.util.List;
import java.util.Optional;

/**
 * What a postcode says about the neighbourhood: found, unknown to the sociale kaart, ambiguous (a
 * PC4 without letters that is split between neighbourhoods) or not a postcode at all.
 *
 * @param status the outcome
 * @param postcode the normalised postcode ({@code 3531AB}), or the input as given when malformed
 * @param neighbourhoods the neighbourhood when found; the candidates when ambiguous; else empty
 */
public record PostcodeResolution(
    Status status, String postcode, List<NeighbourhoodRef> neighbourhoods) {

  public enum Status {
    FOUND,
    UNKNOWN,
    AMBIGUOUS,
    MALFORMED
  }

  /** "3531 AB": the postcode as the Dutch write it. */
  public String displayPostcode() {
    return Postcodes.display(postcode);
  }

  /** "Lombok (Utrecht), Overvecht (Utrecht)": the neighbourhoods found. */
  public String neighbourhoodNames() {
    return String.join(", ", neighbourhoods.stream().map(NeighbourhoodRef::displayName).toList());
  }

  /** The found neighbourhood; empty unless {@link Status#FOUND}. */
  public Optional<NeighbourhoodRef> neighbourhood() {
    return status == Status.FOUND ? Optional.of(neighbourhoods.get(0)) : Optional.empty();
  }

  /** A neighbourhood as seen from outside the sociale kaart. */
  public record NeighbourhoodRef(Long id, String code, String name, String municipality) {

    static NeighbourhoodRef of(Neighbourhood neighbourhood) {
      return new NeighbourhoodRef(
          neighbourhood.getId(),
          neighbourhood.getCode(),
          neighbourhood.getName(),
          neighbourhood.getMunicipality());
    }

    /** "Lombok (Utrecht)". */
    public String displayName() {
      return name + " (" + municipality + ")";
    }
  }
}
