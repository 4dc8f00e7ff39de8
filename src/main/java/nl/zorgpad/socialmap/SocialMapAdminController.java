package nl.zorgpad.socialmap;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Editing the sociale kaart: coordinators only (403 for everyone else). Invalid input is shown
 * again with Dutch messages and status 422; conflicts (deleting what is still in use) give 409.
 */
@Controller
@RequestMapping("/sociale-kaart")
@PreAuthorize("hasAuthority('GROUP_coordinator')")
class SocialMapAdminController {

  static final int UNPROCESSABLE = 422;

  private final SocialMapService socialMap;
  private final SocialMapCsv csv;

  SocialMapAdminController(SocialMapService socialMap, SocialMapCsv csv) {
    this.socialMap = socialMap;
    this.csv = csv;
  }

  @InitBinder
  void initBinder(WebDataBinder binder) {
    // empty fields are "not given", not an empty phone number
    binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
  }

  @GetMapping("/beheer")
  String overview(Model model) {
    model.addAttribute("neighbourhoods", socialMap.allNeighbourhoods());
    model.addAttribute("organisations", socialMap.allOrganisations());
    model.addAttribute("teams", socialMap.allTeams());
    return "socialmap/admin";
  }

  // --- neighbourhoods ---

  @GetMapping("/wijken/nieuw")
  String newNeighbourhood(Model model) {
    return neighbourhoodPage(model, new NeighbourhoodForm(), null);
  }

  @GetMapping("/wijken/{id}")
  String editNeighbourhood(@PathVariable long id, Model model) {
    return neighbourhoodPage(model, socialMap.neighbourhoodForm(id), id);
  }

  @PostMapping({"/wijken/nieuw", "/wijken/{id}"})
  String saveNeighbourhood(
      @PathVariable(required = false) Long id,
      @ModelAttribute("form") NeighbourhoodForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Optional<Long> saved = socialMap.saveNeighbourhood(id, form, errors);
    if (saved.isEmpty()) {
      response.setStatus(UNPROCESSABLE);
      return neighbourhoodPage(model, form, id);
    }
    return saved(redirect);
  }

  @PostMapping("/wijken/{id}/verwijderen")
  String deleteNeighbourhood(@PathVariable long id, RedirectAttributes redirect) {
    socialMap.deleteNeighbourhood(id);
    return deleted(redirect);
  }

  private String neighbourhoodPage(Model model, NeighbourhoodForm form, Long id) {
    model.addAttribute("form", form);
    model.addAttribute("id", id);
    return "socialmap/neighbourhood-form";
  }

  // --- organisations ---

  @GetMapping("/organisaties/nieuw")
  String newOrganisation(Model model) {
    return organisationPage(model, new OrganisationForm(), null);
  }

  @GetMapping("/organisaties/{id}")
  String editOrganisation(@PathVariable long id, Model model) {
    return organisationPage(model, socialMap.organisationForm(id), id);
  }

  @PostMapping({"/organisaties/nieuw", "/organisaties/{id}"})
  String saveOrganisation(
      @PathVariable(required = false) Long id,
      @ModelAttribute("form") OrganisationForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Optional<Long> saved = socialMap.saveOrganisation(id, form, errors);
    if (saved.isEmpty()) {
      response.setStatus(UNPROCESSABLE);
      return organisationPage(model, form, id);
    }
    return saved(redirect);
  }

  @PostMapping("/organisaties/{id}/verwijderen")
  String deleteOrganisation(@PathVariable long id, RedirectAttributes redirect) {
    socialMap.deleteOrganisation(id);
    return deleted(redirect);
  }

  private String organisationPage(Model model, OrganisationForm form, Long id) {
    model.addAttribute("form", form);
    model.addAttribute("id", id);
    model.addAttribute("types", OrganisationType.values());
    return "socialmap/organisation-form";
  }

  // --- teams ---

  @GetMapping("/teams/nieuw")
  String newTeam(Model model) {
    return teamPage(model, new TeamForm(), null);
  }

  @GetMapping("/teams/{id}")
  String editTeam(@PathVariable long id, Model model) {
    return teamPage(model, socialMap.teamForm(id), id);
  }

  @PostMapping({"/teams/nieuw", "/teams/{id}"})
  String saveTeam(
      @PathVariable(required = false) Long id,
      @ModelAttribute("form") TeamForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Optional<Long> saved = socialMap.saveTeam(id, form, errors);
    if (saved.isEmpty()) {
      response.setStatus(UNPROCESSABLE);
      return teamPage(model, form, id);
    }
    redirect.addFlashAttribute("message", "socialmap.saved");
    return "redirect:/sociale-kaart/teams/" + saved.get();
  }

  @PostMapping("/teams/{id}/verwijderen")
  String deleteTeam(@PathVariable long id, RedirectAttributes redirect) {
    socialMap.deleteTeam(id);
    return deleted(redirect);
  }

  private String teamPage(Model model, TeamForm form, Long id) {
    model.addAttribute("form", form);
    model.addAttribute("id", id);
    model.addAttribute("team", id == null ? null : socialMap.loadedTeam(id));
    model.addAttribute("organisations", socialMap.allOrganisations());
    model.addAttribute("neighbourhoods", socialMap.allNeighbourhoods());
    model.addAttribute("disciplines", SocialMapController.disciplines());
    return "socialmap/team-form";
  }

  // --- contacts ---

  @GetMapping("/teams/{teamId}/contacten/nieuw")
  String newContact(@PathVariable long teamId, Model model) {
    return contactPage(model, teamId, new ContactForm(), null);
  }

  @GetMapping("/teams/{teamId}/contacten/{id}")
  String editContact(@PathVariable long teamId, @PathVariable long id, Model model) {
    if (socialMap.teamOfContact(id) != teamId) {
      throw new SocialMapNotFoundException("contact", id);
    }
    return contactPage(model, teamId, socialMap.contactForm(id), id);
  }

  @PostMapping({"/teams/{teamId}/contacten/nieuw", "/teams/{teamId}/contacten/{id}"})
  String saveContact(
      @PathVariable long teamId,
      @PathVariable(required = false) Long id,
      @ModelAttribute("form") ContactForm form,
      BindingResult errors,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Optional<Long> saved = socialMap.saveContact(teamId, id, form, errors);
    if (saved.isEmpty()) {
      response.setStatus(UNPROCESSABLE);
      return contactPage(model, teamId, form, id);
    }
    redirect.addFlashAttribute("message", "socialmap.saved");
    return "redirect:/sociale-kaart/teams/" + teamId;
  }

  @PostMapping("/teams/{teamId}/contacten/{id}/verwijderen")
  String deleteContact(
      @PathVariable long teamId, @PathVariable long id, RedirectAttributes redirect) {
    if (socialMap.teamOfContact(id) != teamId) {
      throw new SocialMapNotFoundException("contact", id);
    }
    socialMap.deleteContact(id);
    redirect.addFlashAttribute("message", "socialmap.deleted");
    return "redirect:/sociale-kaart/teams/" + teamId;
  }

  private String contactPage(Model model, long teamId, ContactForm form, Long id) {
    model.addAttribute("form", form);
    model.addAttribute("id", id);
    model.addAttribute("team", socialMap.loadedTeam(teamId));
    return "socialmap/contact-form";
  }

  // --- CSV import ---

  @GetMapping("/import")
  String importForm(Model model) {
    model.addAttribute("columns", SocialMapCsv.COLUMNS);
    return "socialmap/import";
  }

  @PostMapping("/import")
  String importCsv(
      @RequestParam(name = "bestand", required = false) MultipartFile file,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect)
      throws IOException {
    model.addAttribute("columns", SocialMapCsv.COLUMNS);
    if (file == null || file.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("importError", "socialmap.csv.noFile");
      return "socialmap/import";
    }
    try {
      SocialMapCsv.ImportSummary summary = csv.importCsv(file.getBytes());
      redirect.addFlashAttribute("importSummary", summary);
      return "redirect:/sociale-kaart/beheer";
    } catch (SocialMapCsv.ImportRejectedException e) {
      response.setStatus(UNPROCESSABLE);
      model.addAttribute("fileName", file.getOriginalFilename());
      model.addAttribute("errors", e.errors());
      return "socialmap/import";
    }
  }

  private static String saved(RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "socialmap.saved");
    return "redirect:/sociale-kaart/beheer";
  }

  private static String deleted(RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", "socialmap.deleted");
    return "redirect:/sociale-kaart/beheer";
  }
}
