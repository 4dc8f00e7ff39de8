package nl.zorgpad.audit;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Chains rows that are written through JPA (the access log's entity): every insert into a table
 * that has a {@link HashChain} is sealed before its transaction commits. The entity and its
 * repository stay as they are; the chain is added from outside.
 */
@Component
class ChainedEntityInserts implements PostInsertEventListener {

  private final EntityManagerFactory entityManagerFactory;
  private final List<HashChain> chains;
  private final ChainSealing sealing;

  ChainedEntityInserts(
      EntityManagerFactory entityManagerFactory, List<HashChain> chains, ChainSealing sealing) {
    this.entityManagerFactory = entityManagerFactory;
    this.chains = chains;
    this.sealing = sealing;
  }

  @PostConstruct
  void register() {
    entityManagerFactory
        .unwrap(SessionFactoryImplementor.class)
        .getServiceRegistry()
        .requireService(EventListenerRegistry.class)
        .appendListeners(EventType.POST_INSERT, this);
  }

  @Override
  public void onPostInsert(PostInsertEvent event) {
    if (!(event.getPersister() instanceof AbstractEntityPersister persister)
        || !(event.getId() instanceof Number id)) {
      return;
    }
    String table = persister.getTableName();
    for (HashChain chain : chains) {
      if (chain.spec().table().equalsIgnoreCase(table)) {
        sealing.sealBeforeCommit(chain, id);
      }
    }
  }

  @Override
  public boolean requiresPostCommitHandling(EntityPersister persister) {
    return false;
  }
}
