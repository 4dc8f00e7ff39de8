package nl.zorgpad.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.intake.OneCasePerWomanIT.Client;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11, deliverable 2: the client's BSN, birth date and postcode typed with a signal reach
 * the dossier ({@code zp_client}) and never the engine — at every door (the Tasklist's start form,
 * {@code POST /api/signals}, {@code /engine-rest} start, the Java API, and a start that skips the
 * start event): no row of any {@code ACT_*} table, nor the audit trail, holds them afterwards.
 * What the engine really wrote is read with SQL, not through the engine's API.
 */
@ZorgpadIntegrationTest
class DossierOnlyFieldsIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;

  @Test
  void bsnBirthDateAndPostcodeReachTheDossierAndNoEngineTableAtAnyDoor() {
    Http http = new Http(port);
    List<Client> clients = new ArrayList<>();

    Client byTasklist = fresh(clients);
    HttpResponse<String> form =
        new TasklistSession(port, OneCasePerWomanIT.GP)
            .submitStartForm(
                OneCasePerWomanIT.MAIN, byTasklist.form("huisarts", "HA-DO01", List.of("stress")));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);

    Client byApi = fresh(clients);
    HttpResponse<String> api =
        http.postJson(
            "/api/signals",
            OneCasePerWomanIT.GP,
            byApi.api("huisarts", "HA-DO02", List.of("stress")));
    assertThat(api.statusCode()).as(api.body()).isEqualTo(201);

    Client byEngineRest = fresh(clients);
    HttpResponse<String> engineRest =
        http.postJson(
            "/engine-rest/process-definition/key/" + OneCasePerWomanIT.MAIN + "/start",
            OneCasePerWomanIT.GP,
            TasklistSession.body(byEngineRest.form("huisarts", "HA-DO03", List.of("stress"))));
    assertThat(engineRest.statusCode()).as(engineRest.body()).isEqualTo(200);

    Client byJava = fresh(clients);
    identityService.setAuthentication(
        "demo-huisarts", List.of("huisarts", "huisarts-utrecht-lombok"));
    ProcessInstance started;
    try {
      Map<String, Object> variables =
          new HashMap<>(byJava.form("huisarts", "HA-DO04", List.of("stress")));
      variables.put("riskDomains", List.of("stress"));
      started = runtimeService.startProcessInstanceByKey(OneCasePerWomanIT.MAIN, variables);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(started.getBusinessKey()).startsWith("ZP-");

    // a start that skips the start event (REST start instructions, the Java API's
    // startBeforeActivity): no case, and still nothing kept
    Client bySkippingStart = fresh(clients);
    Deployment deployment =
        repositoryService
            .createDeployment()
            .name("it-dossier-only")
            .addModelInstance(
                "it-dossier-only.bpmn",
                Bpmn.createExecutableProcess("it-dossier-only")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Wait")
                    .endEvent()
                    .done())
            .deploy();
    try {
      runtimeService
          .createProcessInstanceByKey("it-dossier-only")
          .startBeforeActivity("Task_Wait")
          .setVariables(bySkippingStart.form("huisarts", "HA-DO05", List.of("stress")))
          .execute();

      for (Client client : clients) {
        assertThat(engineRowsContaining(client.bsn())).as("BSN in the engine").isEmpty();
        assertThat(engineRowsContaining(client.birthDate().toString()))
            .as("birth date in the engine")
            .isEmpty();
        assertThat(engineRowsContaining(client.postcode())).as("postcode in the engine").isEmpty();
      }
      for (Client client : clients.subList(0, 4)) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from zp_client where bsn = ? and"
                        + " birth_date = ? and postcode = ?",
                    Integer.class,
                    client.bsn(),
                    java.sql.Date.valueOf(client.birthDate()),
                    client.postcode()))
            .as("in the mother's dossier")
            .isEqualTo(1);
      }
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  private static Client fresh(List<Client> clients) {
    Client client = Client.random();
    clients.add(client);
    return client;
  }

  private static String describe(ResultSet row, ResultSetMetaData meta)
      throws java.sql.SQLException {
    StringBuilder text = new StringBuilder();
    for (int column = 1; column <= meta.getColumnCount(); column++) {
      if (meta.getColumnName(column).equals("NAME_") || meta.getColumnName(column).equals("ID_")) {
        text.append(meta.getColumnName(column))
            .append('=')
            .append(row.getString(column))
            .append(' ');
      }
    }
    return text.toString().strip();
  }

  /** "table.column" of every row of every ACT_* table and of the audit trail holding the text. */
  private List<String> engineRowsContaining(String text) {
    List<String> tables =
        jdbc.queryForList(
            "select table_name from information_schema.tables"
                + " where table_schema = 'PUBLIC' and (table_name like 'ACT\\_%' escape '\\'"
                + " or table_name = 'ZP_AUDIT_RECORD')",
            String.class);
    assertThat(tables)
        .as("engine tables")
        .contains("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY");
    List<String> hits = new ArrayList<>();
    for (String table : tables) {
      jdbc.query(
          "select * from " + table,
          (ResultSet row) -> {
            ResultSetMetaData meta = row.getMetaData();
            for (int column = 1; column <= meta.getColumnCount(); column++) {
              Object value = row.getObject(column);
              String content =
                  value instanceof byte[] bytes
                      ? new String(bytes, StandardCharsets.UTF_8)
                      : String.valueOf(value);
              if (value instanceof java.sql.Blob blob) {
                content = new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
              } else if (value instanceof java.sql.Clob clob) {
                content = clob.getSubString(1, (int) clob.length());
              }
              if (content.contains(text)) {
                hits.add(
                    table + "." + meta.getColumnName(column) + " (" + describe(row, meta) + ")");
              }
            }
          });
    }
    return hits;
  }
}
