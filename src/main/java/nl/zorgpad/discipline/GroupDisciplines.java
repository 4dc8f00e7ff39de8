package nl.zorgpad.discipline;

import java.util.Comparator;
import java.util.Optional;

/**
 * The discipline of a candidate group: a discipline group is its own discipline; a team group of
 * the sociale kaart (e.g. {@code jgz-utrecht-west}) has its team's discipline. {@link #byPrefix()}
 * reads the discipline from the group id's prefix, which is how the sociale kaart names team
 * groups; the bean (socialmap.SocialMapDossierConfiguration) asks the sociale kaart's teams
 * (see docs/dossier.md).
 */
@FunctionalInterface
public interface GroupDisciplines {

  Optional<String> disciplineOf(String groupId);

  /** {@code jgz} → jgz; {@code jgz-utrecht-west} → jgz; {@code poh-ggz-zeist} → poh-ggz. */
  static GroupDisciplines byPrefix() {
    return groupId -> {
      if (groupId == null) {
        return Optional.empty();
      }
      return Disciplines.ALL.stream()
          .filter(d -> groupId.equals(d) || groupId.startsWith(d + "-"))
          .max(Comparator.comparingInt(String::length));
    };
  }
}
