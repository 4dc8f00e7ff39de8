package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's decisions are evaluated through the literal cells, still on Scala FEEL. */
@ZorgpadIntegrationTest
class LiteralFeelEnginePluginIT {

  @Autowired ProcessEngine engine;

  @Test
  void theApplicationsDecisionEngineUsesTheLiteralCellsInFrontOfScalaFeel() {
    var dmn =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngineFactory())
        .isInstanceOf(LiteralFeelEnginePlugin.Factory.class)
        .isInstanceOf(ScalaFeelEngineFactory.class);
    assertThat(dmn.getFeelEngine()).isInstanceOf(LiteralFeelEngine.class);
  }
}
