package nl.zorgpad.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.casus.SignalRules;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.pathway.Deadlines;
import nl.zorgpad.pathway.PathwayVariables;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages from other systems into a running case, correlated by business key (= case number):
 * a new signal, start of the meldcode, early end, consent withdrawal, birth.
 *
 * <p>Order of the checks: unknown case 404; caller not involved 403; invalid payload 400; no
 * process of the case waiting for the message 409; delivered 204.
 *
 * <p>Need-to-know: the caller's discipline holds or held a task in the case. Zorgpad's
 * authorization provider grants a discipline READ on the case's process instances when it becomes
 * candidate group of one of its tasks, and that grant stays after the task is done; so "involved"
 * is asked of the engine: is this user (with her groups) authorized to READ one of the case's
 * process instances? The engine deletes those grants when an instance ends, so for ended
 * instances the task history answers instead: did a task of the case have one of her disciplines
 * as candidate group? Issue 4 replaces both with the dossier's list of involved caregivers.
 * Disciplines hold no UPDATE permission on process instances (they must not change cases through
 * /engine-rest), so the correlation itself runs as the calling user — the engine's operation log
 * and the pathway's listeners record her — with the engine's authorization check switched off for
 * that one command: the involvement check above is the authorization of these messages.
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}")
@Tag(name = "Casussen", description = "Berichten naar een lopende casus")
class CaseMessageController {

  private final EngineCaller engine;
  private final ProcessEngine processEngine;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final AuthorizationService authorizationService;
  private final CaseFileService caseFiles;
  private final CaseInvolvements involvements;
  private final Deadlines deadlines;
  private final Clock clock;

  CaseMessageController(
      EngineCaller engine,
      ProcessEngine processEngine,
      CaseFileService caseFiles,
      CaseInvolvements involvements,
      Deadlines deadlines,
      Clock clock) {
    this.clock = clock;
    this.engine = engine;
    this.processEngine = processEngine;
    this.runtimeService = processEngine.getRuntimeService();
    this.historyService = processEngine.getHistoryService();
    this.authorizationService = processEngine.getAuthorizationService();
    this.caseFiles = caseFiles;
    this.involvements = involvements;
    this.deadlines = deadlines;
  }

  @Schema(name = "NewSignalRequest")
  record NewSignalRequest(
      @Schema(description = "Risk-domain codes, at least one (as in POST /api/signals)")
          List<String> riskDomains,
      @Schema(
              description = "Discipline that signals; one of the caller's own",
              example = "huisarts")
          String signallingDiscipline) {}

  @Schema(name = "StartMeldcodeRequest")
  record StartMeldcodeRequest(
      @Schema(
              description =
                  "Discipline that starts the meldcode and does its steps; one of the"
                      + " caller's own",
              example = "verloskundige")
          String meldcodeStartedBy) {}

  @Schema(name = "EndCaseRequest")
  record EndCaseRequest(
      @Schema(
              description = "Why the case ends early",
              allowableValues = {
                "verhuisd",
                "client-trekt-zich-terug",
                "zwangerschap-beeindigd",
                "overig",
                "dubbele-casus"
              })
          String endReason) {}

  @Schema(name = "ConsentWithdrawalRequest")
  record ConsentWithdrawalRequest(
      @Schema(
              description =
                  "The recipient discipline for which the client withdraws her" + " consent",
              example = "jgz")
          String recipientDiscipline) {}

  @Schema(name = "BirthRequest")
  record BirthRequest(
      @Schema(
              description =
                  "Date of birth of the child (ISO yyyy-MM-dd); nothing else about the" + " child",
              example = "2026-07-18")
          String birthDate) {}

  /** The answers every message endpoint documents. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "204", description = "Delivered to the case")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid payload",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
  @ApiResponse(
      responseCode = "403",
      description = "The caller's discipline is not involved in" + " the case",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(
      responseCode = "404",
      description = "Unknown case",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(
      responseCode = "409",
      description = "No step of the case waits for this message",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @interface MessageResponses {}

  @Operation(summary = "Nieuw signaal in een lopende casus (NieuwSignaal)")
  @MessageResponses
  @PostMapping(value = "/signals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> newSignal(
      @Parameter(example = "ZP-2026-00001") @PathVariable String caseNumber,
      @RequestBody(required = false) NewSignalRequest request,
      Principal principal) {
    NewSignalRequest body = request == null ? new NewSignalRequest(null, null) : request;
    return deliver(
        caseNumber,
        principal,
        CaseMessages.NEW_SIGNAL,
        groups -> {
          Signal signal =
              new Signal(null, null, null, body.riskDomains(), body.signallingDiscipline());
          // the same rules (and Dutch messages) as the start form, for the two fields sent here
          List<Violation> violations =
              SignalRules.check(signal, deadlines.now().toLocalDate()).stream()
                  .filter(
                      v ->
                          v.field().equals(PathwayVariables.RISK_DOMAINS)
                              || v.field().equals(PathwayVariables.SIGNALLING_DISCIPLINE))
                  .toList();
          if (!violations.isEmpty()) {
            throw ApiException.invalid("new signal", violations);
          }
          requireOwnDiscipline(groups, body.signallingDiscipline());
          return Variables.createVariables()
              .putValueTyped(
                  PathwayVariables.RISK_DOMAINS,
                  PathwayVariables.riskDomainsValue(SignalRules.distinctRiskDomains(signal)))
              .putValue(PathwayVariables.SIGNALLING_DISCIPLINE, body.signallingDiscipline());
        });
  }

  @Operation(summary = "Meldcode starten (MeldcodeStarten)")
  @MessageResponses
  @PostMapping(value = "/meldcode", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> startMeldcode(
      @PathVariable String caseNumber,
      @RequestBody(required = false) StartMeldcodeRequest request,
      Principal principal) {
    String startedBy = request == null ? null : request.meldcodeStartedBy();
    return deliver(
        caseNumber,
        principal,
        CaseMessages.START_MELDCODE,
        groups -> {
          requireOneOf(
              "meldcode start",
              CaseMessages.MELDCODE_STARTED_BY,
              startedBy,
              Disciplines.ALL,
              "violation.apiMessage.meldcodeStartedBy.unknown");
          requireOwnDiscipline(groups, startedBy);
          return Variables.createVariables().putValue(CaseMessages.MELDCODE_STARTED_BY, startedBy);
        });
  }

  @Operation(summary = "Casus voortijdig beëindigen (CasusBeeindigen)")
  @MessageResponses
  @PostMapping(value = "/end", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> endCase(
      @PathVariable String caseNumber,
      @RequestBody(required = false) EndCaseRequest request,
      Principal principal) {
    String reason = request == null ? null : request.endReason();
    return deliver(
        caseNumber,
        principal,
        CaseMessages.END_CASE,
        groups -> {
          requireOneOf(
              "end of case",
              CaseMessages.END_REASON,
              reason,
              CaseMessages.END_REASONS,
              "violation.apiMessage.endReason.unknown");
          return Variables.createVariables().putValue(CaseMessages.END_REASON, reason);
        });
  }

  @Operation(summary = "Toestemming intrekken (ToestemmingIntrekken)")
  @MessageResponses
  @PostMapping(value = "/consent-withdrawals", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> withdrawConsent(
      @PathVariable String caseNumber,
      @RequestBody(required = false) ConsentWithdrawalRequest request,
      Principal principal) {
    String recipient = request == null ? null : request.recipientDiscipline();
    return deliver(
        caseNumber,
        principal,
        CaseMessages.WITHDRAW_CONSENT,
        groups -> {
          requireOneOf(
              "consent withdrawal",
              PathwayVariables.RECIPIENT_DISCIPLINE,
              recipient,
              Disciplines.ALL,
              "violation.apiMessage.recipientDiscipline.unknown");
          return Variables.createVariables()
              .putValue(PathwayVariables.RECIPIENT_DISCIPLINE, recipient);
        });
  }

  @Operation(summary = "Geboorte melden (GeboorteGemeld)")
  @MessageResponses
  @PostMapping(value = "/birth", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> reportBirth(
      @PathVariable String caseNumber,
      @RequestBody(required = false) BirthRequest request,
      Principal principal) {
    LocalDate birthDate = SignalController.parseDate(request == null ? null : request.birthDate());
    return deliver(
        caseNumber,
        principal,
        CaseMessages.BIRTH_REPORTED,
        groups -> {
          LocalDate today = deadlines.now().toLocalDate();
          if (birthDate == null
              || birthDate.isAfter(today)
              || birthDate.isBefore(today.minusYears(1))) {
            throw ApiException.invalid(
                "birth",
                List.of(
                    new Violation(
                        CaseMessages.BIRTH_DATE,
                        "is required (ISO date), not in the future and at most a year ago",
                        "violation.apiMessage.birthDate.invalid")));
          }
          return Variables.createVariables()
              .putValue(CaseMessages.BIRTH_DATE, birthDate.toString());
        });
  }

  /** Builds the payload for the caller's groups, or refuses with an {@link ApiException}. */
  private interface Payload {
    VariableMap of(List<String> callerGroups);
  }

  private ResponseEntity<Void> deliver(
      String caseNumber, Principal principal, String message, Payload payload) {
    String user = principal.getName();
    List<HistoricProcessInstance> all =
        CaseNumbers.isValid(caseNumber)
            ? historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .list()
            : List.of();
    // another coalition's case does not exist for her, exactly as in the engine's tenant check
    List<String> coalitions = engine.coalitionsOf(user);
    List<HistoricProcessInstance> instances =
        all.stream()
            .filter(i -> i.getTenantId() == null || coalitions.contains(i.getTenantId()))
            .toList();
    if (instances.size() < all.size()
        || instances.isEmpty()
            && (!CaseNumbers.isValid(caseNumber) || caseFiles.find(caseNumber).isEmpty())) {
      throw new ApiException(
          HttpStatus.NOT_FOUND,
          "unknown-case",
          "No case " + caseNumber,
          DutchText.of("api.case.unknown", caseNumber));
    }
    List<String> groups = engine.groupsOf(user);
    // the dossier's involvement first (a later signaller of the same woman is involved there
    // before her discipline holds any task: decision 0008)
    boolean involved =
        involvements.activeAt(caseNumber, clock.instant()).stream()
                .anyMatch(
                    i ->
                        user.equals(i.getUserId())
                            || (i.getGroupId() != null && groups.contains(i.getGroupId())))
            || instances.stream()
                .anyMatch(
                    instance ->
                        authorizationService.isUserAuthorized(
                            user,
                            groups,
                            Permissions.READ,
                            Resources.PROCESS_INSTANCE,
                            instance.getId()))
            // the engine removes those grants when an instance ends: then the task history says it
            || groups.stream()
                .filter(Disciplines.ALL::contains)
                .anyMatch(
                    group ->
                        historyService
                                .createHistoricTaskInstanceQuery()
                                .processInstanceBusinessKey(caseNumber)
                                .taskHadCandidateGroup(group)
                                .count()
                            > 0);
    if (!involved) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "not-involved",
          "The caller's discipline holds no task in case " + caseNumber,
          DutchText.of("api.case.notInvolved", caseNumber));
    }
    VariableMap variables = payload.of(groups);
    // a new signal's payload belongs to its event subprocess (triggered scope): the case keeps
    // its first signalling discipline, to which the handovers refer
    boolean toTriggeredScope = CaseMessages.NEW_SIGNAL.equals(message);
    List<MessageCorrelationResult> delivered =
        engine.as(user, () -> correlate(caseNumber, message, variables, toTriggeredScope));
    if (delivered.isEmpty()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "nothing-waiting",
          "No process of case " + caseNumber + " waits for message " + message,
          DutchText.of("api.case.nothingWaiting", caseNumber, message));
    }
    return ResponseEntity.noContent().build();
  }

  private List<MessageCorrelationResult> correlate(
      String caseNumber, String message, Map<String, Object> variables, boolean toTriggeredScope) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            commandContext -> {
              // see the class comment: the involvement check is the authorization of this message
              commandContext.disableAuthorizationCheck();
              try {
                var correlation =
                    runtimeService
                        .createMessageCorrelation(message)
                        .processInstanceBusinessKey(caseNumber);
                return (toTriggeredScope
                        ? correlation.setVariablesToTriggeredScope(variables)
                        : correlation.setVariables(variables))
                    .correlateAllWithResult();
              } finally {
                commandContext.enableAuthorizationCheck();
              }
            });
  }

  private static void requireOwnDiscipline(List<String> groups, String discipline) {
    if (!groups.contains(discipline)) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "not-your-discipline",
          discipline + " is not one of the caller's disciplines",
          DutchText.of("api.notYourDiscipline"));
    }
  }

  /** A payload value that must be one code of a list: else 400 with the text of the code. */
  private static void requireOneOf(
      String what, String field, String value, List<String> allowed, String messageCode) {
    if (value == null || !allowed.contains(value)) {
      throw ApiException.invalid(
          what, List.of(new Violation(field, "must be one of " + allowed, messageCode)));
    }
  }
}
