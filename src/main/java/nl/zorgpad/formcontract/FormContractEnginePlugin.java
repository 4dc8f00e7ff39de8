package nl.zorgpad.formcontract;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Only the form's own fields (issue 10, decision 0007): a user's call of the engine writes only
 * the variables that the deployed form of that task or start event defines (or, for a message,
 * the API's contract), with the types and options its fields allow. Enforced in the engine's
 * services, so every door — {@code /engine-rest}, the Tasklist's {@code /camunda/api/engine},
 * Zorgpad's API and pages, any Java caller acting for a user — gets the same check. Anything
 * else is a {@link FormContractRefusal} (400, Dutch message) before anything is stored.
 */
@Component
public class FormContractEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectMapper json;
  private FormContractGuard guard;

  /** {@code json}: Spring's mapper, for the forms and the JSON values the guard reads. */
  public FormContractEnginePlugin(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    guard = new FormContractGuard(configuration, json);
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setRuntimeService(new GuardedRuntimeService(guard));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the form service is wrapped last: the coalition plugin replaces it in its preInit
    if (!(configuration.getFormService() instanceof GuardedFormService)) {
      configuration.setFormService(new GuardedFormService(configuration.getFormService(), guard));
    }
  }
}
