package nl.zorgpad.socialmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NeighbourhoodRepository extends JpaRepository<Neighbourhood, Long> {

  Optional<Neighbourhood> findByCode(String code);

  List<Neighbourhood> findAllByOrderByMunicipalityAscNameAsc();

  /**
   * Neighbourhoods with a postcode range that overlaps [{@code fromKey}, {@code toKey}]: for one
   * full postcode both are the same key; for a PC4 area they are its AA and ZZ keys.
   */
  @Query(
      "select distinct n from Neighbourhood n join n.postcodeRanges r"
          + " where r.fromKey <= :toKey and r.toKey >= :fromKey order by n.code")
  List<Neighbourhood> findOverlapping(
      @Param("fromKey") String fromKey, @Param("toKey") String toKey);
}
