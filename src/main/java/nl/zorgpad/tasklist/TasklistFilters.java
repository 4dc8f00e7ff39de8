package nl.zorgpad.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's pre-made filters, the same for every discipline: the expressions resolve to the
 * logged-in user and her groups. "Mijn werk" comes first (lowest {@code priority}), so the
 * Tasklist opens on it. Created through the Java API (REST refuses expressions in
 * filters) and readable by every caregiver through a group authorization on FILTER.
 */
@Component
@Order(StartupStep.TASKLIST)
public class TasklistFilters implements StartupStep {

  static final String MY_WORK = "Mijn werk";
  static final String MY_TASKS = "Mijn taken";
  static final String MY_DISCIPLINE = "Taken voor mijn discipline";
  static final String OVERDUE = "Verlopen taken";

  private final FilterService filterService;
  private final TaskService taskService;

  TasklistFilters(FilterService filterService, TaskService taskService) {
    this.filterService = filterService;
    this.taskService = taskService;
  }

  /** Start-up step (nl.zorgpad.startup): after the pathways. */
  @Override
  public void run() {
    ensureFilters();
  }

  public void ensureFilters() {
    // the lowest priority is the filter the Tasklist opens on (issue 15): what is assigned to me
    // and what waits, not yet picked up, for one of my teams, the soonest deadline first
    ensure(
        MY_WORK,
        0,
        "#b34700",
        "Mijn taken en de taken die voor mijn team klaarstaan, de eerste deadline bovenaan",
        taskService
            .createTaskQuery()
            .or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr()
            .orderByDueDate()
            .asc());
    ensure(
        MY_TASKS,
        10,
        "#1b6ec2",
        "Taken die aan mij zijn toegewezen",
        taskService
            .createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate()
            .asc());
    ensure(
        MY_DISCIPLINE,
        20,
        "#2e8540",
        "Alle open taken voor mijn discipline, ook die een collega al heeft opgepakt",
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate()
            .asc());
    ensure(
        OVERDUE,
        30,
        "#c0392b",
        "Taken van mij of mijn discipline waarvan de deadline voorbij is",
        taskService
            .createTaskQuery()
            .or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr()
            .dueBeforeExpression("${now()}")
            .orderByDueDate()
            .asc());
  }

  private void ensure(
      String name, int priority, String color, String description, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("color", color);
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put(
        "variables",
        List.of(
            Map.of("name", "caseNumber", "label", "Casusnummer"),
            Map.of("name", "clientReference", "label", "Cliëntreferentie")));
    filter.setProperties(properties);
    filter.setQuery(query);
    filterService.saveFilter(filter);
  }
}
