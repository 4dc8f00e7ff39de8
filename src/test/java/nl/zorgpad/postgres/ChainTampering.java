package nl.zorgpad.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.zorgpad.audit.ChainVerification;
import nl.zorgpad.audit.HashChain;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampers with a hash-chained table the way someone with direct database access would (a row
 * changed, a row deleted, a row inserted around the application), checks after each that
 * verification names the right record and problem, and puts the table back exactly as it was
 * (verification intact again). {@code dba} must be allowed to change the table, i.e. past the
 * PostgreSQL append-only triggers.
 */
final class ChainTampering {

  private ChainTampering() {}

  static void changeDeleteAndInsert(
      JdbcTemplate dba,
      HashChain chain,
      String table,
      String textColumn,
      String insertAroundTheApplication) {
    assertThat(chain.verify().intact()).as(chain.verify().summary()).isTrue();
    Map<String, Object> row =
        dba.queryForMap(
            "select * from "
                + table
                + " where chain_seq ="
                + " (select max(chain_seq) / 2 + 1 from "
                + table
                + ")");
    long id = ((Number) row.get("id")).longValue();
    long seq = ((Number) row.get("chain_seq")).longValue();
    assertThat(chain.verify().headSeq()).as("a record in the middle").isGreaterThan(seq);

    // changed
    dba.update("update " + table + " set " + textColumn + " = 'someone-else' where id = ?", id);
    try {
      ChainVerification changed = chain.verify();
      assertThat(changed.intact()).isFalse();
      assertThat(((Number) changed.brokenRecordId()).longValue()).isEqualTo(id);
      assertThat(changed.brokenSeq()).isEqualTo(seq);
      assertThat(changed.problem()).isEqualTo(ChainVerification.Problem.CONTENT_CHANGED);
    } finally {
      dba.update(
          "update " + table + " set " + textColumn + " = ? where id = ?", row.get(textColumn), id);
    }
    assertThat(chain.verify().intact()).as(chain.verify().summary()).isTrue();

    // deleted (and put back exactly as it was)
    dba.update("delete from " + table + " where id = ?", id);
    try {
      ChainVerification deleted = chain.verify();
      assertThat(deleted.intact()).isFalse();
      assertThat(deleted.brokenSeq()).isEqualTo(seq + 1);
      assertThat(deleted.problem()).isEqualTo(ChainVerification.Problem.RECORDS_MISSING_BEFORE);
    } finally {
      List<String> columns = List.copyOf(row.keySet());
      dba.update(
          "insert into "
              + table
              + " ("
              + String.join(", ", columns)
              + ") values ("
              + String.join(", ", columns.stream().map(c -> "?").toList())
              + ")",
          columns.stream().map(row::get).toArray());
    }
    assertThat(chain.verify().intact()).as(chain.verify().summary()).isTrue();

    // inserted around the application
    dba.update(insertAroundTheApplication);
    long inserted = dba.queryForObject("select max(id) from " + table, Long.class);
    try {
      ChainVerification outside = chain.verify();
      assertThat(outside.intact()).isFalse();
      assertThat(((Number) outside.brokenRecordId()).longValue()).isEqualTo(inserted);
      assertThat(outside.problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
    } finally {
      dba.update("delete from " + table + " where id = ?", inserted);
    }
    assertThat(chain.verify().intact()).as(chain.verify().summary()).isTrue();
  }
}
