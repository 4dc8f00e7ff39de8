package nl.zorgpad.accesslog;

import java.util.List;
import org.springframework.data.repository.Repository;

/**
 * Append-only: only {@code save} (insert of a new, immutable entry) and finders. Extends the bare
 * {@link Repository} marker, so no update, delete or deleteAll exists to be called.
 */
public interface AccessLogRepository extends Repository<AccessLogEntry, Long> {

  AccessLogEntry save(AccessLogEntry entry);

  List<AccessLogEntry> findByCaseNumberOrderByIdAsc(String caseNumber);

  List<AccessLogEntry> findByClientIdOrderByIdAsc(String clientId);

  List<AccessLogEntry> findByUserIdOrderByIdAsc(String userId);

  List<AccessLogEntry> findTop50ByOrderByIdDesc();

  long count();
}
