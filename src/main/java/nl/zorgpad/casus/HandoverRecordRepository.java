package nl.zorgpad.casus;

import java.util.List;
import org.springframework.data.repository.Repository;

/**
 * Package-private, no delete: {@link DossierService} is the only way in, and it writes an
 * access-log record in the same transaction as every read and change.
 */
interface HandoverRecordRepository extends Repository<HandoverRecord, Long> {

  HandoverRecord save(HandoverRecord record);

  List<HandoverRecord> findByCaseNumberOrderByRecordedAtAscIdAsc(String caseNumber);

  List<HandoverRecord> findByProcessInstanceIdOrderByIdDesc(String processInstanceId);
}
