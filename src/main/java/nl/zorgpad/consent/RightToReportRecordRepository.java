package nl.zorgpad.consent;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RightToReportRecordRepository extends JpaRepository<RightToReportRecord, Long> {

  List<RightToReportRecord> findByCaseNumberOrderByRecordedAtAscIdAsc(String caseNumber);
}
