package nl.zorgpad.audit;

import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.casus.CaseFileRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auditor's own reads and exports go into the access log too (purpose {@code audit}): a
 * client who asks who saw her data also sees the privacy officer who looked.
 */
@Component
class AuditReads {

  static final String PURPOSE = "audit";

  private final AccessLog accessLog;
  private final CaseFileRepository cases;
  private final ClientAccessReport.LogIds logIds;
  private final TransactionTemplate transactions;

  AuditReads(
      AccessLog accessLog,
      CaseFileRepository cases,
      ClientAccessReport.LogIds logIds,
      PlatformTransactionManager transactionManager) {
    this.accessLog = accessLog;
    this.cases = cases;
    this.logIds = logIds;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The access log's case number column; Zorgpad's case numbers are shorter. */
  static final int CASE_NUMBER_LENGTH = 20;

  void record(String caseNumber, String objectType, AccessAction action) {
    // a process started by hand may have a longer business key than a case number: its read is
    // logged all the same, by object id (the read of a process is no reason for a 500)
    boolean caseNumberFits = caseNumber.length() <= CASE_NUMBER_LENGTH;
    String objectId = caseNumber.length() <= 100 ? caseNumber : caseNumber.substring(0, 100);
    transactions.executeWithoutResult(
        status ->
            accessLog.record(
                new AccessEvent(
                    caseNumberFits ? caseNumber : null,
                    caseNumberFits ? clientIdOf(caseNumber) : null,
                    objectType,
                    objectId,
                    action,
                    AccessOutcome.ALLOWED,
                    PURPOSE,
                    "auditor",
                    false,
                    null)));
  }

  String clientIdOf(String caseNumber) {
    return cases
        .findByCaseNumber(caseNumber)
        .map(caseFile -> logIds.client(caseFile.getId()))
        .orElse("case:" + caseNumber);
  }
}
