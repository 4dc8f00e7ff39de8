package nl.zorgpad.modeling;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The migration runs a coordinator started (which cases, in which engine batch), in the database
 * (Flyway V61): the report of a run answers on every node of a cluster and after a restart.
 */
@Component
class MigrationRuns {

  private final JdbcTemplate jdbc;

  MigrationRuns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void save(CaseMigration.Run run) {
    jdbc.update(
        "insert into zp_migration_run (batch_id, source_definition_id,"
            + " target_definition_id, started_by, started_at) values (?, ?, ?, ?, ?)",
        run.batchId(),
        run.sourceDefinitionId(),
        run.targetDefinitionId(),
        run.startedBy(),
        OffsetDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC));
    List<String> ids = run.processInstanceIds();
    for (int i = 0; i < ids.size(); i++) {
      jdbc.update(
          "insert into zp_migration_run_case (batch_id, list_index, process_instance_id)"
              + " values (?, ?, ?)",
          run.batchId(),
          i,
          ids.get(i));
    }
  }

  @Transactional(readOnly = true)
  public Optional<CaseMigration.Run> find(String batchId) {
    List<String> ids =
        jdbc.queryForList(
            "select process_instance_id from zp_migration_run_case"
                + " where batch_id = ? order by list_index",
            String.class,
            batchId);
    return jdbc
        .query(
            "select source_definition_id, target_definition_id, started_by, started_at"
                + " from zp_migration_run where batch_id = ?",
            (row, number) ->
                new CaseMigration.Run(
                    batchId,
                    row.getString(1),
                    row.getString(2),
                    List.copyOf(ids),
                    row.getString(3),
                    row.getObject(4, OffsetDateTime.class).toInstant()),
            batchId)
        .stream()
        .findFirst();
  }
}
