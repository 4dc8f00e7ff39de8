package nl.zorgpad.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, a chain that is still empty takes in the rows its table already holds (the access log
 * written before its chain existed), once; a started chain adopts nothing.
 */
@Component
@Order(0)
class ChainStartup implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ChainStartup.class);

  private final List<HashChain> chains;
  private final TransactionTemplate transactions;

  ChainStartup(List<HashChain> chains, PlatformTransactionManager transactionManager) {
    this.chains = chains;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void run(ApplicationArguments args) {
    for (HashChain chain : chains) {
      Integer adopted = transactions.execute(status -> chain.adoptExistingRows());
      if (adopted != null && adopted > 0) {
        LOG.info(
            "Hash chain {}: took in {} existing records of {}",
            chain.spec().chainId(),
            adopted,
            chain.spec().table());
      }
    }
  }
}
