package nl.zorgpad.casus;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotation of the match secret (decision 0008): at start-up, before the web server takes
 * requests, every match key made with another secret is derived again from the mother's dossier
 * with the current one. So rotating is: set a new {@code ZORGPAD_MATCH_SECRET}, restart; the old
 * secret is not needed afterwards. Keys of a case whose dossier no longer has the data are
 * dropped.
 */
@Component
class ClientMatchKeyRotation implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(ClientMatchKeyRotation.class);

  private final ClientMatchKeys keys;
  private final ClientMatchKeyRepository matchKeys;
  private final CaseFileRepository caseFiles;
  private final ClientRepository clients;
  private final CaseFileService caseFileService;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ClientMatchKeyRotation(
      ClientMatchKeys keys,
      ClientMatchKeyRepository matchKeys,
      CaseFileRepository caseFiles,
      ClientRepository clients,
      CaseFileService caseFileService,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.clock = clock;
    this.keys = keys;
    this.matchKeys = matchKeys;
    this.caseFiles = caseFiles;
    this.clients = clients;
    this.caseFileService = caseFileService;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @Override
  public void afterSingletonsInstantiated() {
    int rotated = transaction.execute(status -> rotate());
    if (rotated > 0) {
      LOG.info("Derived the match keys of {} case(s) again with the current match secret", rotated);
    }
  }

  /** @return the number of cases whose keys were derived again */
  int rotate() {
    Set<String> stale = new LinkedHashSet<>();
    matchKeys.findBySecretIdNot(keys.secretId()).forEach(key -> stale.add(key.getCaseNumber()));
    for (String caseNumber : stale) {
      CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber).orElse(null);
      ClientDetails details =
          caseFile == null
              ? null
              : clients.findByCaseFileId(caseFile.getId()).map(Client::details).orElse(null);
      if (details == null) {
        matchKeys.deleteByCaseNumber(caseNumber);
      } else {
        caseFileService.rekey(caseFile, details, clock.instant(), keys);
      }
    }
    return stale.size();
  }
}
