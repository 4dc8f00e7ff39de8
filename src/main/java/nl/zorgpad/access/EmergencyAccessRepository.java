package nl.zorgpad.access;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Insert and find only. */
interface EmergencyAccessRepository extends Repository<EmergencyAccess, Long> {

  EmergencyAccess save(EmergencyAccess access);

  List<EmergencyAccess> findByCaseNumberAndUserIdOrderByGrantedAtDesc(
      String caseNumber, String userId);

  List<EmergencyAccess> findByUserIdAndCaseNumberIn(
      String userId, java.util.Collection<String> caseNumbers);
}
