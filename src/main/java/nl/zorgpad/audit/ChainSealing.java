package nl.zorgpad.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
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

  ChainSealing(ObjectProvider<EntityManagerFactory> entityManagerFactory,
      PlatformTransactionManager transactionManager) {
    this.entityManagerFactory = entityManagerFactory;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  public void sealBeforeCommit(HashChain chain) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      transactions.executeWithoutResult(status -> chain.sealPending());
      return;
    }
    String key = "zorgpad.hash-chain." + chain.spec().chainId();
    if (TransactionSynchronizationManager.hasResource(key)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        flushJpa();
        chain.sealPending();
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(key);
      }
    });
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
