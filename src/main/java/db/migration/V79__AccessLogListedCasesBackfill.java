package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code zp_access_log_listed} (V78) from the case-list records written before it: their
 * detail is {@code "CASE_SUMMARY listed: "} followed by the case numbers separated by spaces
 * ({@code casus.DossierService.LISTED_CASES_PREFIX}). Reads the records in id order, once.
 */
public class V79__AccessLogListedCasesBackfill extends BaseJavaMigration {

  static final String PREFIX = "CASE_SUMMARY listed: ";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement select = context.getConnection().createStatement();
        PreparedStatement insert =
            context
                .getConnection()
                .prepareStatement(
                    "insert into zp_access_log_listed (case_number, access_log_id) values (?, ?)")) {
      select.setFetchSize(1000);
      int pending = 0;
      try (ResultSet rows =
          select.executeQuery(
              "select id, detail from zp_access_log"
                  + " where object_type = 'CaseList' and action = 'SEARCH' order by id")) {
        while (rows.next()) {
          String detail = rows.getString(2);
          if (detail == null || !detail.startsWith(PREFIX)) {
            continue;
          }
          for (String caseNumber :
              new java.util.LinkedHashSet<>(
                  java.util.List.of(detail.substring(PREFIX.length()).strip().split(" +")))) {
            if (caseNumber.isEmpty() || caseNumber.length() > 20) {
              continue;
            }
            insert.setString(1, caseNumber);
            insert.setLong(2, rows.getLong(1));
            insert.addBatch();
            if (++pending == 1000) {
              insert.executeBatch();
              pending = 0;
            }
          }
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }
}
