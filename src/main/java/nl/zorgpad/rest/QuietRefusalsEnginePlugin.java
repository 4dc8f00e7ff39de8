package nl.zorgpad.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.springframework.stereotype.Component;

/**
 * The engine logs a failed command at ERROR with its stack trace (ENGINE-16004) unless it is one
 * of the few refusals it knows (optimistic locking, bad user request, authorization: DEBUG).
 * Zorgpad's expected refusals — form checks of the pathway, the form contract, another
 * coalition's case, an unknown id — would be logged as errors with ~220 lines each. This plugin
 * lets the engine's own logging treat every refusal that {@link EngineRefusals} recognises like
 * a bad user request (DEBUG); the door that answers the user logs it once at INFO. Real
 * failures stay ERROR.
 */
@Component
public class QuietRefusalsEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    CommandContextFactory factory =
        new CommandContextFactory() {
          @Override
          public CommandContext createCommandContext() {
            return new QuietRefusalsCommandContext(processEngineConfiguration);
          }
        };
    factory.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(factory);
  }

  /** The engine's command context with Zorgpad's refusals logged as expected ones. */
  static class QuietRefusalsCommandContext extends CommandContext {

    QuietRefusalsCommandContext(ProcessEngineConfigurationImpl configuration) {
      super(configuration);
    }

    @Override
    protected boolean shouldLogFine(Throwable exception) {
      return super.shouldLogFine(exception) || EngineRefusals.isExpected(exception);
    }
  }
}
