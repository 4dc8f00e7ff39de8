package nl.zorgpad.casus;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Package-private: {@link DossierService} is the only way in, and it logs every change. */
interface InvolvementRepository extends Repository<Involvement, Long> {

  Involvement save(Involvement involvement);

  Optional<Involvement> findById(Long id);

  List<Involvement> findByCaseNumberOrderByFromAscIdAsc(String caseNumber);

  List<Involvement> findByCaseNumberInOrderByFromAscIdAsc(java.util.Collection<String> caseNumbers);

  List<Involvement> findByGroupIdInOrUserId(List<String> groupIds, String userId);
}
