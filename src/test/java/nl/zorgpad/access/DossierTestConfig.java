package nl.zorgpad.access;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.CurrentActor;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.DossierGuard;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.NeighbourhoodFinder;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dossier, need-to-know and access log on the real schema (Flyway on in-memory H2), with the
 * engine's open-task query replaced by a set of users who "hold a task".
 */
@TestConfiguration
@Import({
  DossierService.class,
  CaseFileService.class,
  CaseInvolvements.class,
  ConsentService.class,
  AccessLog.class,
  CurrentActor.class,
  NeedToKnow.class,
  EmergencyAccessService.class,
  nl.zorgpad.pathway.ClockConfiguration.class
})
public class DossierTestConfig {

  /** Users (by id) that hold an open task in every case. */
  public static final Set<String> TASK_HOLDERS = new HashSet<>();

  @Bean
  OpenTasks openTasks() {
    return (caseNumber, userId, groups) -> TASK_HOLDERS.contains(userId);
  }

  /** Need-to-know alone (the application's guard also keeps coalitions apart; no engine here). */
  @Bean
  DossierGuard dossierGuard(NeedToKnow needToKnow) {
    return new DossierGuard() {
      @Override
      public nl.zorgpad.casus.AccessGrant decide(
          String caseNumber, nl.zorgpad.casus.DossierPart part, nl.zorgpad.accesslog.Actor actor) {
        return needToKnow.decide(caseNumber, part, actor);
      }

      @Override
      public java.util.Map<String, nl.zorgpad.casus.AccessGrant> decideAll(
          java.util.Collection<String> caseNumbers,
          nl.zorgpad.casus.DossierPart part,
          nl.zorgpad.accesslog.Actor actor) {
        return needToKnow.decideAll(caseNumbers, part, actor);
      }
    };
  }

  @Bean
  GroupDisciplines groupDisciplines() {
    return GroupDisciplines.byPrefix();
  }

  @Bean
  NeighbourhoodFinder neighbourhoodFinder() {
    return postcode ->
        postcode.startsWith("3531") ? Optional.of("utrecht-lombok") : Optional.empty();
  }

  /** Logs in (for this thread) as a user with groups. */
  public static void loginAs(String userId, String... groups) {
    List<SimpleGrantedAuthority> authorities =
        java.util.Arrays.stream(groups)
            .map(group -> new SimpleGrantedAuthority("GROUP_" + group))
            .toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
  }

  public static void logout() {
    SecurityContextHolder.clearContext();
  }
}
