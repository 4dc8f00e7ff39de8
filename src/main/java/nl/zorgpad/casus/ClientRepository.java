package nl.zorgpad.casus;

import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * Package-private, no delete: {@link DossierService} (and {@link CaseFileService} for the client
 * data of a signal) are the only ways in, and they write an access-log record in the same
 * transaction as every read and change.
 */
interface ClientRepository extends Repository<Client, Long> {

  Client save(Client client);

  Optional<Client> findByCaseFileId(Long caseFileId);
}
