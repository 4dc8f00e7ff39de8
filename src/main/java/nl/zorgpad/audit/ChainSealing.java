package nl.zorgpad.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals a chain's new records at the end of the current transaction: once per transaction and
 * chain, in {@code beforeCommit}, after the JPA session is flushed (so entities saved through JPA
 * are in the table). Sealing last keeps the chain head's lock short; if sealing fails the whole
 * transaction rolls back, so no action commits without its audit record.
 */
@Component
public class ChainSealing {

  private final ObjectProvider<EntityManagerFactory> entityManagerFactory;
  private final TransactionTemplate transactions;

  ChainSealing(
      ObjectProvider<EntityManagerFactory> entityManagerFactory,
      PlatformTransactionManager transactionManager) {
    this.entityManagerFactory = entityManagerFactory;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Seals record {@code id} of {@code chain} when the current transaction commits. */
  public void sealBeforeCommit(HashChain chain, Number id) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      transactions.executeWithoutResult(status -> chain.seal(List.of(id)));
      return;
    }
    // the synchronizations of this transaction only (a REQUIRES_NEW transaction has its own)
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Sealing sealing && sealing.chain == chain) {
        sealing.ids.add(id);
        return;
      }
    }
    Sealing sealing = new Sealing(chain);
    sealing.ids.add(id);
    TransactionSynchronizationManager.registerSynchronization(sealing);
  }

  private final class Sealing implements TransactionSynchronization {
    final HashChain chain;
    final List<Number> ids = new ArrayList<>();

    Sealing(HashChain chain) {
      this.chain = chain;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      flushJpa();
      chain.seal(ids);
    }

    @Override
    public int getOrder() {
      // after the other synchronizations of the transaction, so their writes are sealed too
      return LOWEST_PRECEDENCE;
    }
  }

  private void flushJpa() {
    EntityManagerFactory factory = entityManagerFactory.getIfAvailable();
    if (factory == null) {
      return;
    }
    EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
    if (entityManager != null) {
      entityManager.flush();
    }
  }
}
