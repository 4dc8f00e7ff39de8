package nl.zorgpad.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgpad.casus.Disciplines;
import nl.zorgpad.security.ZorgpadGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * One demo account per discipline ({@code demo-<discipline>}) plus a coordinator and an auditor,
 * all with password {@code demo}. Only created in demo mode.
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  /** user id → {first name, last name, group}. */
  public static final Map<String, String[]> ACCOUNTS = accounts();

  private static Map<String, String[]> accounts() {
    Map<String, String[]> accounts = new LinkedHashMap<>();
    accounts.put("demo-verloskundige", new String[] {"Anne", "de Vries", Disciplines.VERLOSKUNDIGE});
    accounts.put("demo-jgz", new String[] {"Fatima", "El Amrani", Disciplines.JGZ});
    accounts.put("demo-kraamzorg", new String[] {"Petra", "Jansen", Disciplines.KRAAMZORG});
    accounts.put("demo-buurtteam", new String[] {"Mark", "Bakker", Disciplines.BUURTTEAM});
    accounts.put("demo-huisarts", new String[] {"Joost", "Visser", Disciplines.HUISARTS});
    accounts.put("demo-poh-ggz", new String[] {"Lotte", "Smit", Disciplines.POH_GGZ});
    accounts.put("demo-regiehouder", new String[] {"Sanne", "Meijer", Disciplines.REGIEHOUDER});
    accounts.put("demo-informele-zorg", new String[] {"Nadia", "Yilmaz", Disciplines.INFORMELE_ZORG});
    accounts.put("demo-ziekenhuis", new String[] {"Eva", "Mulder", Disciplines.ZIEKENHUIS});
    accounts.put("demo-coordinator", new String[] {"Karin", "de Boer", ZorgpadGroups.COORDINATOR});
    accounts.put("demo-auditor", new String[] {"Willem", "Hendriks", ZorgpadGroups.AUDITOR});
    return accounts;
  }

  static void ensure(IdentityService identityService) {
    ACCOUNTS.forEach((id, data) -> {
      if (identityService.createUserQuery().userId(id).count() == 0) {
        User user = identityService.newUser(id);
        user.setFirstName(data[0]);
        user.setLastName(data[1] + " (demo)");
        user.setEmail(id + "@demo.zorgpad.invalid");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      if (identityService.createUserQuery().userId(id).memberOfGroup(data[2]).count() == 0) {
        identityService.createMembership(id, data[2]);
      }
    });
  }

  private DemoUsers() {
  }
}
