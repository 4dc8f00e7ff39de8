package nl.zorgpad.socialmap;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TeamRepository extends JpaRepository<Team, Long> {

  Optional<Team> findByGroupId(String groupId);

  boolean existsByGroupId(String groupId);

  List<Team> findAllByOrderByNameAsc();

  boolean existsByDiscipline(String discipline);

  List<Team> findByDisciplineOrderByName(String discipline);

  List<Team> findByOrganisationOrderByName(Organisation organisation);

  /** The teams of a discipline that serve a neighbourhood, by group id. */
  @Query(
      "select t from Team t join t.neighbourhoods n"
          + " where t.discipline = :discipline and n.code = :neighbourhoodCode order by t.groupId")
  List<Team> findServing(
      @Param("discipline") String discipline, @Param("neighbourhoodCode") String neighbourhoodCode);

  @Query(
      "select t from Team t join t.neighbourhoods n where n.id = :neighbourhoodId"
          + " order by t.name")
  List<Team> findByNeighbourhood(@Param("neighbourhoodId") Long neighbourhoodId);
}
