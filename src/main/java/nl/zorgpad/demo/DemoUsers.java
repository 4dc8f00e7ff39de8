package nl.zorgpad.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.security.ZorgpadGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;

/**
 * One demo account per discipline ({@code demo-<discipline>}) plus a coordinator and an auditor,
 * all with password {@code demo}. Only created in demo mode.
 *
 * <p>Coalitions (decision 0005): those accounts belong to no coalition, they are the shared
 * installation (the central coordinator deploys the shared pathways). Two demo coalitions,
 * Dordrecht and Zeist, each have a coordinator who deploys the coalition's own variants and
 * caregivers whose cases belong to that coalition.
 */
public final class DemoUsers {

  public static final String PASSWORD = "demo";

  public static final String DORDRECHT = "kansrijke-start-dordrecht";
  public static final String ZEIST = "kansrijke-start-zeist";

  /** Demo coalitions (engine tenants): id → name. */
  public static final Map<String, String> COALITIONS =
      Map.of(DORDRECHT, "Kansrijke Start Dordrecht", ZEIST, "Kansrijke Start Zeist");

  /** user id → {first name, last name, group, coalition or null for the shared installation}. */
  public static final Map<String, String[]> ACCOUNTS = accounts();

  private static Map<String, String[]> accounts() {
    Map<String, String[]> accounts = new LinkedHashMap<>();
    accounts.put(
        "demo-verloskundige", new String[] {"Anne", "de Vries", Disciplines.VERLOSKUNDIGE});
    accounts.put("demo-jgz", new String[] {"Fatima", "El Amrani", Disciplines.JGZ});
    accounts.put("demo-kraamzorg", new String[] {"Petra", "Jansen", Disciplines.KRAAMZORG});
    accounts.put("demo-buurtteam", new String[] {"Mark", "Bakker", Disciplines.BUURTTEAM});
    accounts.put("demo-huisarts", new String[] {"Joost", "Visser", Disciplines.HUISARTS});
    accounts.put("demo-poh-ggz", new String[] {"Lotte", "Smit", Disciplines.POH_GGZ});
    accounts.put("demo-regiehouder", new String[] {"Sanne", "Meijer", Disciplines.REGIEHOUDER});
    accounts.put(
        "demo-informele-zorg", new String[] {"Nadia", "Yilmaz", Disciplines.INFORMELE_ZORG});
    accounts.put("demo-ziekenhuis", new String[] {"Eva", "Mulder", Disciplines.ZIEKENHUIS});
    accounts.put("demo-coordinator", new String[] {"Karin", "de Boer", ZorgpadGroups.COORDINATOR});
    accounts.put("demo-auditor", new String[] {"Willem", "Hendriks", ZorgpadGroups.AUDITOR});
    accounts.put("demo-beheer", new String[] {"Bram", "Koster", ZorgpadGroups.OPERATOR});
    accounts.put(
        "demo-coordinator-dordrecht",
        new String[] {"Ilse", "van Dijk", ZorgpadGroups.COORDINATOR, DORDRECHT});
    accounts.put(
        "demo-verloskundige-dordrecht",
        new String[] {"Mirjam", "Bos", Disciplines.VERLOSKUNDIGE, DORDRECHT});
    accounts.put("demo-jgz-dordrecht", new String[] {"Esra", "Kaya", Disciplines.JGZ, DORDRECHT});
    accounts.put(
        "demo-coordinator-zeist",
        new String[] {"Hanneke", "Vos", ZorgpadGroups.COORDINATOR, ZEIST});
    accounts.put(
        "demo-verloskundige-zeist",
        new String[] {"Ruth", "Dekker", Disciplines.VERLOSKUNDIGE, ZEIST});
    // policy officers of the municipality: the monitor's aggregates only (issue 14)
    accounts.put("demo-beleid", new String[] {"Gerard", "Peters", ZorgpadGroups.POLICY});
    accounts.put(
        "demo-beleid-zeist", new String[] {"Yvonne", "Willems", ZorgpadGroups.POLICY, ZEIST});
    return accounts;
  }

  /** The coalition of a demo account, or null for the shared installation. */
  public static String coalitionOf(String userId) {
    String[] data = ACCOUNTS.get(userId);
    return data == null || data.length < 4 ? null : data[3];
  }

  static void ensure(IdentityService identityService) {
    COALITIONS.forEach(
        (id, name) -> {
          if (identityService.createTenantQuery().tenantId(id).count() == 0) {
            Tenant tenant = identityService.newTenant(id);
            tenant.setName(name);
            identityService.saveTenant(tenant);
          }
        });
    ACCOUNTS.forEach(
        (id, data) -> {
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
          String coalition = coalitionOf(id);
          if (coalition != null
              && identityService.createTenantQuery().userMember(id).tenantId(coalition).count()
                  == 0) {
            identityService.createTenantUserMembership(coalition, id);
          }
        });
  }

  private DemoUsers() {}
}
