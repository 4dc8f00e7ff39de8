package nl.zorgpad.system;

import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.accesslog.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: each role's own work ({@link RoleHome}). Only what the user's roles need is
 * read, and every card links to a page the role may open.
 */
@Controller
class HomeController {

  private final RoleHome home;
  private final CurrentActor currentActor;

  HomeController(RoleHome home, CurrentActor currentActor) {
    this.home = home;
    this.currentActor = currentActor;
  }

  @GetMapping("/")
  String home(Model model) {
    Actor actor = currentActor.get();
    RoleHome.Roles roles = RoleHome.Roles.of(actor.groups());
    model.addAttribute("roles", roles);
    if (roles.caregiver()) {
      model.addAttribute("work", home.work(actor));
      model.addAttribute("cases", home.cases(actor));
    }
    if (roles.careCoordinator()) {
      RoleHome.Coordinated coordinated = home.coordinated(actor);
      // a buurtteam member sees the section once she holds a case as regiehouder
      if (coordinated.count() > 0
          || actor.groups().stream()
              .anyMatch(g -> g.equals("regiehouder") || g.startsWith("regiehouder-"))) {
        model.addAttribute("coordinated", coordinated);
      }
    }
    model.addAttribute("monitor", (roles.coordinator() || roles.policy()) && home.monitorExists());
    model.addAttribute("tasklistUrl", RoleHome.TASKLIST);
    return "home";
  }
}
