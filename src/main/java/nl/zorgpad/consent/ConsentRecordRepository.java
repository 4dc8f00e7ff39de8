package nl.zorgpad.consent;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

  List<ConsentRecord> findByCaseNumberOrderByRecordedAtAscIdAsc(String caseNumber);

  List<ConsentRecord> findByCaseNumberAndRecipientDisciplineAndPurposeOrderByRecordedAtDescIdDesc(
      String caseNumber, String recipientDiscipline, String purpose);
}
