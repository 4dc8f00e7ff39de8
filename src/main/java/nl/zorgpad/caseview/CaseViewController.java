package nl.zorgpad.caseview;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.access.EmergencyAccessService;
import nl.zorgpad.assignment.ReassignmentException;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.Client;
import nl.zorgpad.casus.ClientDetails;
import nl.zorgpad.casus.DossierAccessDeniedException;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Pregnancy;
import nl.zorgpad.casus.UnknownCaseException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.input.TextLimits;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The case pages for caregivers: {@code /casus} (the cases I may see), {@code /casus/{number}}
 * (overview), {@code /casus/{number}/client} (Cliëntgegevens), the emergency access form, the
 * prenatal child dossier and the midwife's/GP's referral. Every read and change goes through
 * need-to-know and the access log; a refused case answers 403 with a Dutch page that offers the
 * noodprocedure.
 */
@Controller
@RequestMapping("/casus")
class CaseViewController {

  private final CaseOverviewService overviews;
  private final DossierService dossier;
  private final EmergencyAccessService emergencies;
  private final MessageSource messages;
  private final CaseMerge merges;

  CaseViewController(
      CaseOverviewService overviews,
      DossierService dossier,
      EmergencyAccessService emergencies,
      MessageSource messages,
      CaseMerge merges) {
    this.messages = messages;
    this.merges = merges;
    this.overviews = overviews;
    this.dossier = dossier;
    this.emergencies = emergencies;
  }

  @GetMapping
  String list(
      @RequestParam(name = "pagina", required = false) @Size(max = TextLimits.SHORT) String page,
      Model model) {
    int number = 1;
    if (page != null && page.strip().matches("[0-9]{1,6}")) {
      number = Integer.parseInt(page.strip());
    }
    CaseOverviewService.CasePage cases = overviews.visibleCases(number);
    model.addAttribute("cases", cases.cases());
    model.addAttribute("casePage", cases);
    return "casus/list";
  }

  @GetMapping("/{caseNumber}")
  String overview(@PathVariable String caseNumber, Model model) {
    CaseOverview overview = overviews.overview(known(caseNumber));
    model.addAttribute("o", overview);
    if (overview.mayRefer()) {
      model.addAttribute("referralTargets", overviews.referralTargets(caseNumber));
    }
    return "casus/overview";
  }

  @GetMapping(value = "/{caseNumber}/diagram", produces = "application/json")
  @ResponseBody
  CaseOverviewService.DiagramView diagram(@PathVariable String caseNumber) {
    return overviews.diagram(known(caseNumber));
  }

  @PostMapping("/{caseNumber}/noodtoegang")
  String emergency(
      @PathVariable String caseNumber,
      @RequestParam(required = false) @Size(max = TextLimits.REASON) String reason,
      Model model,
      HttpServletResponse response) {
    try {
      emergencies.open(known(caseNumber), reason);
    } catch (InvalidInputException invalid) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("caseNumber", caseNumber);
      model.addAttribute("error", invalid.dutchMessage());
      return "casus/forbidden";
    }
    return "redirect:/casus/" + caseNumber;
  }

  @GetMapping("/{caseNumber}/client")
  String clientForm(@PathVariable String caseNumber, Model model) {
    Client client = dossier.readClient(known(caseNumber)).orElse(null);
    Pregnancy pregnancy = dossier.readPregnancy(caseNumber).orElse(null);
    model.addAttribute("caseNumber", caseNumber);
    model.addAttribute("details", client == null ? emptyDetails() : client.details());
    model.addAttribute(
        "birthDate",
        client == null || client.getBirthDate() == null ? "" : client.getBirthDate().toString());
    model.addAttribute(
        "parity",
        pregnancy == null || pregnancy.getParity() == null ? "" : pregnancy.getParity().toString());
    return "casus/client";
  }

  @PostMapping("/{caseNumber}/client")
  String saveClient(
      @PathVariable String caseNumber,
      @RequestParam(required = false) @Size(max = TextLimits.NAME) String givenName,
      @RequestParam(required = false) @Size(max = TextLimits.NAME) String familyName,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String bsn,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String birthDate,
      @RequestParam(required = false) @Size(max = TextLimits.STREET) String street,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String houseNumber,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String postcode,
      @RequestParam(required = false) @Size(max = TextLimits.NAME) String city,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String phone,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String parity,
      Model model,
      HttpServletResponse response) {
    known(caseNumber);
    List<Violation> violations = new ArrayList<>();
    LocalDate birth = null;
    if (birthDate != null && !birthDate.isBlank()) {
      try {
        birth = LocalDate.parse(birthDate.strip());
      } catch (DateTimeParseException e) {
        violations.add(
            new Violation("birthDate", "is not a date", "violation.caseView.birthDate.format"));
      }
    }
    Integer parityValue = null;
    if (parity != null && !parity.isBlank()) {
      try {
        parityValue = Integer.valueOf(parity.strip());
      } catch (NumberFormatException e) {
        violations.add(
            new Violation("parity", "is not a number", "violation.caseView.parity.format"));
      }
    }
    ClientDetails details =
        new ClientDetails(
            givenName, familyName, bsn, birth, street, houseNumber, postcode, city, phone);
    try {
      InvalidInputException.throwIfAny("client details", violations);
      dossier.saveClient(caseNumber, details, parityValue);
    } catch (InvalidInputException invalid) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("caseNumber", caseNumber);
      model.addAttribute("details", details);
      model.addAttribute("birthDate", birthDate == null ? "" : birthDate);
      model.addAttribute("parity", parity == null ? "" : parity);
      model.addAttribute("error", invalid.dutchMessage());
      return "casus/client";
    }
    return "redirect:/casus/" + caseNumber;
  }

  @PostMapping("/{caseNumber}/kind")
  String openChild(@PathVariable String caseNumber) {
    dossier.openPrenatalChild(known(caseNumber));
    return "redirect:/casus/" + caseNumber;
  }

  @PostMapping("/{caseNumber}/verwijzing")
  String refer(
      @PathVariable String caseNumber,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String groupId) {
    String group = groupId == null ? "" : groupId.strip();
    // only a team of the sociale kaart or a discipline: a typo would open the mother's dossier
    // to a group that does not exist
    if (overviews.referralTargets(known(caseNumber)).stream()
        .noneMatch(t -> t.groupId().equals(group))) {
      throw new InvalidInputException(
          "referral",
          List.of(
              new Violation(
                  "groupId",
                  "must be a team of the case's coalition or a discipline",
                  "violation.caseView.groupId.notInList")));
    }
    dossier.refer(known(caseNumber), group);
    return "redirect:/casus/" + caseNumber;
  }

  /** "Ik word regiehouder": a regiehouder or buurtteam member takes the role (vuistregel 8). */
  @PostMapping("/{caseNumber}/regiehouder")
  String becomeCareCoordinator(@PathVariable String caseNumber) {
    String group =
        overviews
            .careCoordinatorGroup()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "care coordinator",
                        List.of(
                            new Violation(
                                "group",
                                "not a regiehouder or buurtteam",
                                "violation.caseView.group.notAllowed"))));
    dossier.appointCareCoordinator(known(caseNumber), overviews.currentUserId(), group);
    return "redirect:/casus/" + caseNumber;
  }

  /** The regiehouder gives an open task to another team of its discipline (vuistregel 8). */
  @PostMapping("/{caseNumber}/taken/{taskId}/toewijzen")
  String reassign(
      @PathVariable String caseNumber,
      @PathVariable String taskId,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String groupId) {
    if (groupId == null || groupId.isBlank()) {
      throw new InvalidInputException(
          "reassignment",
          List.of(new Violation("groupId", "is required", "violation.caseView.groupId.required")));
    }
    overviews.reassign(known(caseNumber), taskId, groupId.strip());
    return "redirect:/casus/" + caseNumber + "#tasks";
  }

  /**
   * The regiehouder merges a duplicate case of the same woman into this one (decision 0008): the
   * duplicate closes as "dubbele casus".
   */
  @PostMapping("/{caseNumber}/samenvoegen")
  String merge(
      @PathVariable String caseNumber,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String duplicate) {
    String other = duplicate == null ? "" : duplicate.strip().toUpperCase(java.util.Locale.ROOT);
    if (!CaseNumbers.isValid(other)) {
      throw new InvalidInputException(
          "merge",
          List.of(
              new Violation(
                  "duplicate", "is not a case number", "violation.caseView.duplicate.required")));
    }
    merges.merge(known(caseNumber), other);
    return "redirect:/casus/" + caseNumber;
  }

  /** The regiehouder detaches a signal that joined on a weaker match but is another woman. */
  @PostMapping("/{caseNumber}/signalen/{signalId}/loskoppelen")
  String detach(@PathVariable String caseNumber, @PathVariable Long signalId) {
    merges.detach(known(caseNumber), signalId);
    return "redirect:/casus/" + caseNumber;
  }

  /**
   * "Beëindigen" asks first (issue 15): ending an involvement also ends the team's access to the
   * case, so the case page links here, and only the form of this page (with its required
   * confirmation) ends it — also without JavaScript.
   */
  @GetMapping("/{caseNumber}/betrokkenheid/{involvementId}/einde")
  String confirmEndInvolvement(
      @PathVariable String caseNumber, @PathVariable Long involvementId, Model model) {
    model.addAttribute("party", overviews.endableInvolvement(known(caseNumber), involvementId));
    model.addAttribute("caseNumber", caseNumber);
    return "casus/end-involvement";
  }

  @PostMapping("/{caseNumber}/betrokkenheid/{involvementId}/einde")
  String endInvolvement(
      @PathVariable String caseNumber,
      @PathVariable Long involvementId,
      @RequestParam(name = "bevestigd", required = false) @Size(max = TextLimits.CODE)
          String confirmed,
      Model model,
      HttpServletResponse response) {
    if (!"ja".equals(confirmed)) {
      // not confirmed: the confirmation page again, with what is missing
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("party", overviews.endableInvolvement(known(caseNumber), involvementId));
      model.addAttribute("caseNumber", caseNumber);
      model.addAttribute(
          "error",
          messages.getMessage(
              "case.involved.endConfirm.missing", null, LocaleContextHolder.getLocale()));
      return "casus/end-involvement";
    }
    dossier.endInvolvement(known(caseNumber), involvementId);
    return "redirect:/casus/" + caseNumber + "#involved";
  }

  @ExceptionHandler(DossierAccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String forbidden(DossierAccessDeniedException denied, Model model) {
    model.addAttribute("caseNumber", denied.caseNumber());
    return "casus/forbidden";
  }

  @ExceptionHandler(ReassignmentException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String notReassigned(ReassignmentException refused, Model model) {
    model.addAttribute("message", messages.getMessage(refused, LocaleContextHolder.getLocale()));
    return "casus/problem";
  }

  @ExceptionHandler(AccessDeniedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String notTheCareCoordinator(AccessDeniedException denied, Model model) {
    String key =
        denied instanceof CareCoordinatorOnly only
            ? only.messageKey()
            : "case.tasks.reassign.forbidden";
    model.addAttribute("message", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
    return "casus/problem";
  }

  @ExceptionHandler(UnknownCaseException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String unknown(Model model) {
    model.addAttribute("status", 404);
    return "error";
  }

  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalid(InvalidInputException invalid, Model model) {
    model.addAttribute("message", invalid.dutchMessage());
    return "casus/problem";
  }

  private static String known(String caseNumber) {
    if (!CaseNumbers.isValid(caseNumber)) {
      throw new UnknownCaseException(caseNumber);
    }
    return caseNumber;
  }

  private static ClientDetails emptyDetails() {
    return new ClientDetails(null, null, null, null, null, null, null, null, null);
  }
}
