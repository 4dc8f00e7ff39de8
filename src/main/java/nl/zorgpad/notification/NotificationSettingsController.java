package nl.zorgpad.notification;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.zorgpad.input.TextLimits;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings: every user's own page "Meldingen" (off / per event / daily digest), and a team's
 * mailbox and mode on the sociale kaart's team page (coordinators only, like the rest of that
 * page). Invalid input is shown again with a Dutch message and status 422.
 */
@Controller
class NotificationSettingsController {

  /** Simple on purpose: one address, no display name, no list. */
  static final Pattern ADDRESS =
      Pattern.compile("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+$");

  static final int MAX_ADDRESS = 254;

  private final NotificationSettings settings;
  private final NotificationProperties properties;
  private final IdentityService identityService;
  private final TeamRepository teams;

  NotificationSettingsController(
      NotificationSettings settings,
      NotificationProperties properties,
      IdentityService identityService,
      TeamRepository teams) {
    this.settings = settings;
    this.properties = properties;
    this.identityService = identityService;
    this.teams = teams;
  }

  @GetMapping("/meldingen")
  String ownSettings(Principal user, Model model) {
    return page(user.getName(), settings.userMode(user.getName()), model);
  }

  @PostMapping("/meldingen")
  String saveOwnSettings(
      Principal user,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String mode,
      Model model,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response) {
    NotificationMode chosen = mode(mode);
    if (chosen == null) {
      response.setStatus(422);
      model.addAttribute("error", "notification.settings.error.mode");
      return page(user.getName(), settings.userMode(user.getName()), model);
    }
    settings.setUserMode(user.getName(), chosen);
    redirect.addFlashAttribute("message", "notification.settings.saved");
    return "redirect:/meldingen";
  }

  private String page(String userId, NotificationMode mode, Model model) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    model.addAttribute("mode", mode.name());
    model.addAttribute("modes", NotificationMode.values());
    model.addAttribute("email", user == null ? null : user.getEmail());
    model.addAttribute("enabled", properties.enabled());
    return "notification/settings";
  }

  /** The team page's section (templates/notification/team.html) posts here. */
  @PostMapping("/sociale-kaart/teams/{id}/meldingen")
  @PreAuthorize("hasAuthority('GROUP_coordinator')")
  @Transactional
  String saveTeamSettings(
      @PathVariable long id,
      @RequestParam(required = false) @Size(max = MAX_ADDRESS) String mailbox,
      @RequestParam(required = false) @Size(max = TextLimits.SHORT) String mode,
      Principal user,
      RedirectAttributes redirect) {
    Team team =
        teams.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    String address = mailbox == null ? "" : mailbox.strip();
    NotificationMode chosen = mode(mode);
    if ((!address.isEmpty()
            && (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()))
        || chosen == null) {
      redirect.addFlashAttribute(
          "notificationError",
          chosen == null ? "notification.settings.error.mode" : "notification.team.error.mailbox");
      redirect.addFlashAttribute("notificationMailbox", address);
      return "redirect:/sociale-kaart/teams/" + id + "#notifications";
    }
    team.setMailbox(address);
    teams.save(team);
    settings.setTeamMode(team.getGroupId(), chosen, user.getName());
    redirect.addFlashAttribute("notificationMessage", "notification.team.saved");
    return "redirect:/sociale-kaart/teams/" + id + "#notifications";
  }

  private static NotificationMode mode(String value) {
    if (value == null) {
      return null;
    }
    try {
      return NotificationMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
