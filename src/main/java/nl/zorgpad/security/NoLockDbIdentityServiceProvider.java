package nl.zorgpad.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without its per-account lock: a wrong password neither
 * locks the account nor writes a lock to the database, and an account is never refused for
 * earlier failures. Failed logins are throttled per source address instead ({@link LoginThrottle}).
 * Installed by {@link EngineSecurityPlugin}; instantiated by the engine per command context.
 */
public class NoLockDbIdentityServiceProvider extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // no lock: see the class comment
  }
}
