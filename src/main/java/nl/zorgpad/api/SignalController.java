package nl.zorgpad.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.casus.SignalRules;
import nl.zorgpad.casus.SignalledClient;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.coalition.CoalitionPathways;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.intake.SignalJoinedOpenCase;
import nl.zorgpad.pathway.Deadlines;
import nl.zorgpad.pathway.PathwayVariables;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 3, item 8: a midwife's or GP's own system registers a signal. The same fields and the
 * same rules ({@link SignalRules}) as the start form {@code zorgpad-signaal}; the case is started
 * through the same route as the Tasklist (the start form submit), as the calling user, so the
 * engine's authorization and the pathway's start listener apply unchanged.
 *
 * <p>Issue 11 (decision 0008): the client's BSN, birth date and postcode may come along; they are
 * passed as transient variables (dossier only). A signal for a woman who already has an open case
 * joins it: the start answers {@link SignalJoinedOpenCase}, this endpoint 200 with
 * {@code joined: true}.
 */
@RestController
@RequestMapping("/api/signals")
@Tag(name = "Signalen", description = "Een signaal over een kwetsbare zwangerschap registreren")
class SignalController {

  static final String MAIN_PATHWAY = "zorgpad-kwetsbare-zwangerschap";

  private final EngineCaller engine;
  private final FormService formService;
  private final RepositoryService repositoryService;
  private final Deadlines deadlines;

  SignalController(
      EngineCaller engine,
      FormService formService,
      RepositoryService repositoryService,
      Deadlines deadlines) {
    this.engine = engine;
    this.formService = formService;
    this.repositoryService = repositoryService;
    this.deadlines = deadlines;
  }

  /** The fields of the start form; no name, BSN, address or free text. */
  @Schema(name = "SignalRequest")
  record SignalRequest(
      @Schema(
              description =
                  "Pseudonymous client reference, e.g. the referrer's own dossier"
                      + " number; letters, digits and hyphens, 3–30 characters; no name, BSN, date of birth"
                      + " or postcode",
              example = "VP-2026-0042",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String clientReference,
      @Schema(
              description = "Uitgerekende datum (ISO yyyy-MM-dd)",
              example = "2026-07-20",
              requiredMode = Schema.RequiredMode.REQUIRED)
          String dueDate,
      @Schema(
              description =
                  "Zwangerschapsduur in whole weeks (4–42), consistent with the due"
                      + " date within 3 weeks",
              example = "20",
              requiredMode = Schema.RequiredMode.REQUIRED)
          Integer gestationalAgeWeeks,
      @ArraySchema(
              arraySchema = @Schema(description = "Risk-domain codes, at least one"),
              schema =
                  @Schema(
                      allowableValues = {
                        "huisvesting",
                        "armoede",
                        "schulden",
                        "stress",
                        "ggz",
                        "lvb",
                        "verslaving",
                        "huiselijk-geweld",
                        "tienerzwangerschap",
                        "migratie-taal",
                        "geen-verblijfsvergunning-verzekering",
                        "afwezige-partner",
                        "late-start-zorg"
                      }))
          List<String> riskDomains,
      @Schema(
              description = "Discipline that signals; must be one of the caller's own",
              example = "verloskundige",
              allowableValues = {
                "verloskundige",
                "jgz",
                "kraamzorg",
                "buurtteam",
                "huisarts",
                "poh-ggz",
                "ziekenhuis",
                "informele-zorg"
              },
              requiredMode = Schema.RequiredMode.REQUIRED)
          String signallingDiscipline,
      @Schema(
              description =
                  "Optional. The client's BSN (9 digits, eleven test). Dossier only:"
                      + " never stored in the pathway engine; used to recognise a client who already has a"
                      + " case (with clientBirthDate)",
              example = "111222333")
          String clientBsn,
      @Schema(
              description = "Optional. The client's birth date (ISO yyyy-MM-dd). Dossier only",
              example = "1998-04-12")
          String clientBirthDate,
      @Schema(
              description =
                  "Optional. The client's postcode, PC6 (3531 AB) or PC4 (3531)."
                      + " Dossier only; decides the neighbourhood team from the first task",
              example = "3531AB")
          String clientPostcode) {

    SignalRequest(
        String clientReference,
        String dueDate,
        Integer gestationalAgeWeeks,
        List<String> riskDomains,
        String signallingDiscipline) {
      this(
          clientReference,
          dueDate,
          gestationalAgeWeeks,
          riskDomains,
          signallingDiscipline,
          null,
          null,
          null);
    }
  }

  @Schema(name = "SignalRegistered")
  record SignalRegistered(
      @Schema(
              description =
                  "Case number, the business key of the case: the new case, or the"
                      + " open case of the same client that the signal joined",
              example = "ZP-2026-00001")
          String caseNumber,
      @Schema(
              description =
                  "True when the client already had an open case and the signal"
                      + " joined it (200) instead of opening a new one (201)")
          boolean joined,
      @Schema(
              description =
                  "On what the client was recognised: bsn-geboortedatum or"
                      + " geboortedatum-postcode (a weaker match the regiehouder confirms); null for a new"
                      + " case")
          String match,
      @Schema(
              description =
                  "Dutch text for the caregiver when the signal joined a case: the"
                      + " case exists, whom to contact; no dossier content. Null for a new case")
          String userMessage) {

    static SignalRegistered opened(String caseNumber) {
      return new SignalRegistered(caseNumber, false, null, null);
    }
  }

  @Operation(
      summary = "Signaal registreren",
      description =
          "Opens a case and starts the pathway zorgpad-kwetsbare-zwangerschap as the"
              + " calling user. The first task goes to the signalling discipline. The case belongs"
              + " to the caller's coalition (engine tenant) and starts that coalition's own latest"
              + " version of the pathway if it has one, else the shared one. When the client"
              + " already has an open case in that coalition (same BSN and birth date, or same"
              + " birth date and postcode digits, and the same pregnancy), the signal joins that"
              + " case instead: 200 with joined=true.")
  @ApiResponse(responseCode = "201", description = "Case opened")
  @ApiResponse(
      responseCode = "200",
      description =
          "The client already has an open case: the"
              + " signal joined it (joined=true, the case number, a Dutch userMessage with whom to"
              + " contact); no new case was opened")
  @ApiResponse(
      responseCode = "400",
      description = "Invalid input (per field, Dutch userMessage)",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "401", description = "Not authenticated", content = @Content)
  @ApiResponse(
      responseCode = "403",
      description =
          "The caller has no caregiver discipline, or"
              + " signals for a discipline that is not hers",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(
      responseCode = "409",
      description =
          "The caller is a member of more than one" + " coalition (code coalition-ambiguous)",
      content =
          @Content(
              mediaType = ApiError.MEDIA_TYPE,
              schema = @Schema(implementation = ApiError.class)))
  @PostMapping(
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SignalRegistered> register(
      @RequestBody(required = false) SignalRequest request, Principal principal) {
    String user = principal.getName();
    // read once: the checks below and the engine call use the same groups and coalitions
    List<String> groups = engine.groupsOf(user);
    List<String> disciplines = groups.stream().filter(Disciplines.SIGNALLING::contains).toList();
    if (disciplines.isEmpty()) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "no-discipline",
          "Only caregivers of a signalling discipline may register a signal",
          DutchText.of("api.signal.noDiscipline"));
    }
    if (request == null) {
      request = new SignalRequest(null, null, null, null, null);
    }
    LocalDate dueDate = parseDate(request.dueDate());
    Signal signal =
        new Signal(
            request.clientReference(),
            dueDate,
            request.gestationalAgeWeeks(),
            request.riskDomains(),
            request.signallingDiscipline());
    LocalDate birthDate = parseDate(request.clientBirthDate());
    SignalledClient client =
        new SignalledClient(request.clientBsn(), birthDate, request.clientPostcode());
    LocalDate today = deadlines.now().toLocalDate();
    List<Violation> violations = new ArrayList<>(SignalRules.check(signal, today));
    violations.addAll(client.check(today));
    if (birthDate == null
        && request.clientBirthDate() != null
        && !request.clientBirthDate().isBlank()) {
      violations.add(
          new Violation(
              SignalledClient.BIRTH_DATE_FIELD,
              "is not an ISO date (yyyy-MM-dd)",
              "violation.apiSignal.birthDateField.format"));
    }
    if (!violations.isEmpty()) {
      throw ApiException.invalid("signal", violations);
    }
    if (!disciplines.contains(request.signallingDiscipline())) {
      throw new ApiException(
          HttpStatus.FORBIDDEN,
          "not-your-discipline",
          "signallingDiscipline must be one of the caller's disciplines " + disciplines,
          DutchText.of("api.signal.notYourDiscipline", String.join(", ", disciplines)));
    }
    // decision 0005: the case belongs to the caller's coalition and follows its own variant
    List<String> coalitions = engine.coalitionsOf(user);
    if (coalitions.size() > 1) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "coalition-ambiguous",
          "The caller is a member of more than one coalition "
              + coalitions
              + "; a case belongs to exactly one",
          nl.zorgpad.coalition.AmbiguousCoalitionException.dutchMessage(coalitions));
    }
    String coalition = coalitions.isEmpty() ? null : coalitions.get(0);
    VariableMap variables =
        Variables.createVariables()
            .putValue(PathwayVariables.CLIENT_REFERENCE, signal.clientReference())
            .putValue(PathwayVariables.DUE_DATE, dueDate.toString())
            .putValue(PathwayVariables.GESTATIONAL_AGE_WEEKS, (long) signal.gestationalAgeWeeks())
            // as the Tasklist submits the checklist of the start form: a JSON list
            .putValueTyped(
                PathwayVariables.RISK_DOMAINS,
                PathwayVariables.riskDomainsValue(SignalRules.distinctRiskDomains(signal)))
            .putValue(PathwayVariables.SIGNALLING_DISCIPLINE, signal.signallingDiscipline());
    // dossier-only (decision 0008): transient, so never stored by the engine; the start listener
    // moves them into the dossier
    putTransient(variables, SignalledClient.BSN_FIELD, client.bsn());
    putTransient(
        variables,
        SignalledClient.BIRTH_DATE_FIELD,
        birthDate == null ? null : birthDate.toString());
    putTransient(variables, SignalledClient.POSTCODE_FIELD, client.postcode());
    ProcessInstance started;
    try {
      started =
          engine.as(
              user,
              groups,
              coalitions,
              () -> {
                ProcessDefinition pathway =
                    CoalitionPathways.latest(repositoryService, MAIN_PATHWAY, coalition);
                if (pathway == null) {
                  throw new IllegalStateException("pathway " + MAIN_PATHWAY + " is not deployed");
                }
                return formService.submitStartForm(pathway.getId(), variables);
              });
    } catch (SignalJoinedOpenCase joined) {
      return ResponseEntity.ok(
          new SignalRegistered(
              joined.joined().caseNumber(),
              true,
              joined.joined().kind().code(),
              joined.userMessage()));
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(SignalRegistered.opened(started.getBusinessKey()));
  }

  private static void putTransient(VariableMap variables, String name, String value) {
    if (value != null) {
      variables.putValueTyped(name, Variables.stringValue(value, true));
    }
  }

  /** An unreadable date counts as missing: the rules then say so in Dutch. */
  static LocalDate parseDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
