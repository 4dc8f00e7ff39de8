package nl.zorgpad.socialmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, Long> {

  Optional<Organisation> findByNameIgnoreCase(String name);

  List<Organisation> findAllByOrderByNameAsc();
}
