package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The MDO and meldcode pathways in the running application: deployed with their decision, and every bean their listeners name exists (a missing bean would only show when a case
 * reaches that step).
 */
@ZorgpadIntegrationTest
class MdoMeldcodeBeansIT {

  static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)[.}]");

  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyBeanTheListenersNameExists() throws Exception {
    for (String file : List.of("processes/zorgpad-mdo.bpmn", "processes/zorgpad-meldcode.bpmn")) {
      String xml = Files.readString(Path.of(file));
      Matcher listener = Pattern.compile("(delegateExpression|expression)=\"([^\"]+)\"")
          .matcher(xml);
      while (listener.find()) {
        Matcher bean = BEAN.matcher(listener.group(2));
        assertThat(bean.find()).as(listener.group(2)).isTrue();
        String name = bean.group(1);
        if (!name.equals("execution")) {
          assertThat(context.containsBean(name)).as("bean %s of %s", name, file).isTrue();
        }
      }
    }
  }

  @Test
  void pathwaysAndDecisionAreDeployed() {
    for (String key : List.of("zorgpad-mdo", "zorgpad-meldcode")) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .count()).as(key).isOne();
    }
    assertThat(repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey("zorgpad-afwegingskader").count()).isOne();
  }
}
