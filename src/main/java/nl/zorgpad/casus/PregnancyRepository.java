package nl.zorgpad.casus;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * Package-private, no delete: {@link DossierService} is the only way in, and it writes an
 * access-log record in the same transaction as every read and change.
 */
interface PregnancyRepository extends Repository<Pregnancy, Long> {

  Pregnancy save(Pregnancy pregnancy);

  Optional<Pregnancy> findByCaseFileId(Long caseFileId);
}
