package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import nl.zorgpad.refusal.RefusalException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** What an engine or REST failure means for the user (every door uses this). */
class EngineRefusalsTest {

  @Test
  void theLoserOfARaceGets409() {
    var race =
        new OptimisticLockingException(
            "ENGINE-03005 Execution of 'DELETE "
                + "EventSubscriptionEntity[1]' failed. Entity was updated by another transaction.");
    assertThat(EngineRefusals.refusal(race, true))
        .get()
        .satisfies(
            refusal -> {
              assertThat(refusal.status()).isEqualTo(409);
              assertThat(refusal.userMessage())
                  .isEqualTo("Deze taak is al afgerond of door iemand anders opgepakt.");
            });
    assertThat(EngineRefusals.refusal(race, false))
        .get()
        .extracting(EngineRefusals.Refusal::error)
        .isEqualTo("concurrent-change");
    // the second of two completions inserting the next task's authorizations
    var duplicate =
        new ProcessEnginePersistenceException(
            "persistence",
            new RuntimeException(new SQLException("Unique index violation", "23505")));
    assertThat(EngineRefusals.refusal(duplicate, true))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(409);
  }

  @Test
  void anotherCoalitionsObjectIsNotFound() {
    var tenant =
        new ProcessEngineException(
            "ENGINE-13034 Cannot get process instance "
                + "'123' because it belongs to no authenticated tenant.");
    assertThat(EngineRefusals.refusal(tenant, false))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(404);
  }

  @Test
  void anUnknownIdIsNotFoundAMissingParameterABadRequest() {
    assertThat(
            EngineRefusals.refusal(
                new NullValueException("Cannot find task with id 42: task is null"), true))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(404);
    assertThat(EngineRefusals.refusal(new NullValueException("taskId is null"), true))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(400);
    assertThat(
            EngineRefusals.refusal(
                new InvalidRequestException(Status.NOT_FOUND, "No matching task with id 42"), true))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(404);
  }

  @Test
  void aRefusedFormShowsOnlyTheDutchTextOfThePathway() {
    FormFieldValidationException invalid =
        new FormFieldValidationException(Map.of(), "Kies minstens één risicodomein.");
    invalid.setCode(22001);
    // as ProcessDefinitionResourceImpl wraps it: "Cannot instantiate process definition <id>: …"
    RestException wrapped =
        new RestException(
            Status.INTERNAL_SERVER_ERROR,
            invalid,
            "Cannot instantiate process definition abc:1:uuid: " + invalid.getMessage());

    EngineRefusals.Refusal refusal = EngineRefusals.refusal(wrapped, false).orElseThrow();

    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.userMessage()).isEqualTo("Kies minstens één risicodomein.");
    assertThat(refusal.engineCode()).isEqualTo(22001);
  }

  @Test
  void aUserRefusalAnywhereInTheCauseChainGivesItsStatusAndText() {
    var refusal = new RefusalException(422, "model-policy", "Script task X", "Geen scripts.");
    var deep =
        new RestException(
            Status.INTERNAL_SERVER_ERROR,
            new ProcessEngineException("wrapped", refusal),
            "Cannot deploy");

    assertThat(EngineRefusals.refusal(deep, false))
        .get()
        .satisfies(
            refused -> {
              assertThat(refused.status()).isEqualTo(422);
              assertThat(refused.error()).isEqualTo("model-policy");
              assertThat(refused.userMessage()).isEqualTo("Geen scripts.");
            });
  }

  @Test
  void aDoctypeIsABadModelWithoutParserInternals() {
    var doctype =
        new ProcessEngineException(
            "ENGINE-09003 Could not parse 'x.bpmn'. DOCTYPE is"
                + " disallowed when the feature \"http://apache.org/xml/features/disallow-doctype-decl\""
                + " set to true.");
    EngineRefusals.Refusal refusal = EngineRefusals.refusal(doctype, false).orElseThrow();
    assertThat(refusal.status()).isEqualTo(400);
    assertThat(refusal.userMessage())
        .contains("DOCTYPE")
        .doesNotContain("apache")
        .doesNotContain("feature");
  }

  @Test
  void authorizationIs403() {
    var denied = new AuthorizationException("demo", "UPDATE", "ProcessInstance", "1");
    assertThat(EngineRefusals.refusal(denied, false))
        .get()
        .extracting(EngineRefusals.Refusal::status)
        .isEqualTo(403);
  }

  @Test
  void aRealFailureIsNoRefusal() {
    assertThat(EngineRefusals.refusal(new IllegalStateException("bug"), false)).isEmpty();
    assertThat(
            EngineRefusals.refusal(
                new ProcessEngineException("Unknown property used in" + " expression"), false))
        .isEmpty();
    assertThat(
            EngineRefusals.refusal(new RestException(Status.INTERNAL_SERVER_ERROR, "boom"), false))
        .isEmpty();
  }

  @Test
  void noRefusalTextHoldsInternals() {
    List<Throwable> failures =
        List.of(
            new OptimisticLockingException("ENGINE-03005 x"),
            new NullValueException("Cannot find task with id 1"),
            new ProcessEngineException("ENGINE-13034 x belongs to no authenticated tenant."),
            new InvalidRequestException(
                Status.BAD_REQUEST,
                "Cannot convert value 'x' of type" + " 'String' to java type java.lang.Integer"));
    for (Throwable failure : failures) {
      assertThat(EngineRefusals.refusal(failure, false).orElseThrow().userMessage())
          .doesNotContainPattern("ENGINE-|Exception|java\\.|[0-9a-f]{8}-");
    }
  }
}
