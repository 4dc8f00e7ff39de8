package nl.zorgpad.casus;

import java.util.Collection;
import java.util.List;
import org.springframework.data.repository.Repository;

/**
 * Package-private: the keys are derived data of the mother's dossier; they are replaced (deleted
 * and written again) whenever her dossier is saved or the secret changes.
 */
interface ClientMatchKeyRepository extends Repository<ClientMatchKey, Long> {

  ClientMatchKey save(ClientMatchKey key);

  List<ClientMatchKey> findByKeyHashIn(Collection<String> hashes);

  List<ClientMatchKey> findByCaseNumber(String caseNumber);

  List<ClientMatchKey> findBySecretIdNot(String secretId);

  void deleteByCaseNumber(String caseNumber);
}
