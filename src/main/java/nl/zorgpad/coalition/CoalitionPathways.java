package nl.zorgpad.coalition;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** Which version of a pathway a coalition's new case starts (decision 0005). */
public final class CoalitionPathways {

  private CoalitionPathways() {}

  /**
   * The coalition's own latest version of the pathway if it deployed one, else the shared latest
   * version; null if neither exists (or the caller may not read them). {@code coalition} null
   * means the shared installation.
   */
  public static ProcessDefinition latest(
      RepositoryService repositoryService, String key, String coalition) {
    if (coalition != null) {
      ProcessDefinition own =
          repositoryService
              .createProcessDefinitionQuery()
              .processDefinitionKey(key)
              .tenantIdIn(coalition)
              .latestVersion()
              .singleResult();
      if (own != null) {
        return own;
      }
    }
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .withoutTenantId()
        .latestVersion()
        .singleResult();
  }
}
