package nl.zorgpad.modelpolicy;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine finds no script engine, for any language (defence in depth, decision 0006): a
 * script task, script condition, script listener or input mapping, and a DMN expression in
 * {@code javascript}, {@code groovy} or Camunda's {@code juel} script language, fails when it
 * would run, also in a definition deployed before the policy existed. Zorgpad's models contain
 * no scripts; nothing else in Zorgpad uses the engine's scripting.
 */
public final class NoScriptEngineResolver implements ScriptEngineResolver {

  private static final Logger LOG = LoggerFactory.getLogger(NoScriptEngineResolver.class);

  /** No factories at all: the bootstrap class loader offers no script engine on Java 17. */
  private final ScriptEngineManager manager = new ScriptEngineManager(null);

  @Override
  public void addScriptEngineFactory(ScriptEngineFactory scriptEngineFactory) {
    LOG.info(
        "Script engine {} not registered: scripts are disabled by the model policy",
        scriptEngineFactory.getEngineName());
  }

  @Override
  public ScriptEngineManager getScriptEngineManager() {
    return manager;
  }

  @Override
  public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
    LOG.warn("Model policy: a script in language {} was refused at run time", language);
    throw BlockedByPolicyException.script(language);
  }
}
