package nl.zorgpad.socialmap;

import java.util.List;
import java.util.Optional;
import nl.zorgpad.postcode.Postcode;
import nl.zorgpad.socialmap.PostcodeResolution.NeighbourhoodRef;
import nl.zorgpad.socialmap.PostcodeResolution.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the neighbourhood of a postcode. A full postcode ("3531 AB") lies in at most one
 * neighbourhood (ranges never overlap). A PC4 without letters ("3531") is found when exactly one
 * neighbourhood covers any part of it; when a PC4 is split between neighbourhoods the letters are
 * needed and the answer is {@link Status#AMBIGUOUS}.
 */
@Service
@Transactional(readOnly = true)
public class PostcodeResolver {

  private final NeighbourhoodRepository neighbourhoods;

  PostcodeResolver(NeighbourhoodRepository neighbourhoods) {
    this.neighbourhoods = neighbourhoods;
  }

  public PostcodeResolution resolve(String postcode) {
    Optional<String> normalised = Postcode.normalise(postcode);
    if (normalised.isEmpty()) {
      return new PostcodeResolution(
          Status.MALFORMED, postcode == null ? "" : postcode.strip(), List.of());
    }
    String value = normalised.get();
    List<NeighbourhoodRef> found =
        neighbourhoods
            .findOverlapping(Postcodes.lowerKey(value), Postcodes.upperKey(value))
            .stream()
            .map(NeighbourhoodRef::of)
            .toList();
    Status status =
        switch (found.size()) {
          case 0 -> Status.UNKNOWN;
          case 1 -> Status.FOUND;
          default -> Status.AMBIGUOUS;
        };
    return new PostcodeResolution(status, value, found);
  }
}
