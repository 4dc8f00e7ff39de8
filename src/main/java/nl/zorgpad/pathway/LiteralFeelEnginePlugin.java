package nl.zorgpad.pathway;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The decision engine evaluates FEEL through {@link LiteralFeelEngine} in front of the Scala FEEL
 * engine (still FEEL only: the factory is a {@link ScalaFeelEngineFactory}, which the model
 * policy's start-up report checks). {@code zorgpad.engine.literal-feel=false} leaves the engine's
 * own FEEL (to compare, docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.literal-feel",
    havingValue = "true",
    matchIfMissing = true)
class LiteralFeelEnginePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn =
          (DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    if (dmn.getFeelEngineFactory() == null) {
      dmn.setFeelEngineFactory(new Factory(dmn));
    }
  }

  /** The Scala FEEL engine with the custom functions the engine configured, behind the literals. */
  static final class Factory extends ScalaFeelEngineFactory {

    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      // the engine's builder sets the custom function providers after preInit
      List<FeelCustomFunctionProvider> providers = dmn.getFeelCustomFunctionProviders();
      setCustomFunctionProviders(providers == null ? new ArrayList<>() : providers);
      return new LiteralFeelEngine(super.createInstance());
    }
  }
}
