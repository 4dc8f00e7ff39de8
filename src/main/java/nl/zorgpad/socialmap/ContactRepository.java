package nl.zorgpad.socialmap;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContactRepository extends JpaRepository<Contact, Long> {

  Optional<Contact> findByTeamAndNameIgnoreCase(Team team, String name);
}
