package nl.zorgpad.casus;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseFileRepository extends JpaRepository<CaseFile, Long> {

  Optional<CaseFile> findByCaseNumber(String caseNumber);

  java.util.List<CaseFile> findByCaseNumberIn(java.util.Collection<String> caseNumbers);
}
