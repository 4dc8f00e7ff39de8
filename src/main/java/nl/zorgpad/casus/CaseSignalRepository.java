package nl.zorgpad.casus;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Package-private: {@link CaseFileService} and {@link DossierService} log every change. */
interface CaseSignalRepository extends Repository<CaseSignal, Long> {

  CaseSignal save(CaseSignal signal);

  Optional<CaseSignal> findById(Long id);

  List<CaseSignal> findByCaseNumberOrderBySignalledAtAscIdAsc(String caseNumber);

  /** Signals that were detached after a weaker match: their key never matches that case again. */
  List<CaseSignal> findByMatchKeyHashAndDetachedAtIsNotNull(String matchKeyHash);
}
