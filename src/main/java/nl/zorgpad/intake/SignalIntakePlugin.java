package nl.zorgpad.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Wires the intake into the engine: the dossier-only fields become transient at the start of
 * every process ({@link DossierOnlyFieldsListener}, a built-in start listener of every process
 * definition, so no BPMN mentions it), and the outermost command interceptor joins a matched
 * signal to the woman's open case ({@link SignalMatchInterceptor}).
 */
@Component
public class SignalIntakePlugin extends AbstractProcessEnginePlugin {

  private final Supplier<SignalJoiner> joiner;

  @Autowired
  SignalIntakePlugin(ObjectProvider<SignalJoiner> joiner) {
    // resolved at the first match, not while the engine is built (it needs JPA and the engine)
    this(joiner::getObject);
  }

  SignalIntakePlugin(Supplier<SignalJoiner> joiner) {
    this.joiner = joiner;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new SignalMatchInterceptor(joiner));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new ProcessStartParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /**
   * Adds {@link DossierOnlyFieldsListener} to the start of every process definition and of each
   * of its activities: start instructions set their variables only when their first activity
   * starts, after the process start.
   */
  static final class ProcessStartParseListener extends AbstractBpmnParseListener {

    private final ExecutionListener dossierOnlyFields = new DossierOnlyFieldsListener();

    @Override
    public void parseRootElement(
        Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
      for (ProcessDefinitionEntity processDefinition : processDefinitions) {
        processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, dossierOnlyFields);
        addToActivities(processDefinition);
      }
    }

    private void addToActivities(ScopeImpl scope) {
      for (ActivityImpl activity : scope.getActivities()) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, dossierOnlyFields);
        addToActivities(activity);
      }
    }
  }
}
