package nl.zorgpad.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Child process of {@link H2DurabilityIT}: commits rows one transaction at a time, reports how
 * many, then dies without shutdown hooks — as a killed JVM or a power cut of the process would.
 */
public final class H2CrashChild {

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[1]);
    try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
      connection
          .createStatement()
          .execute(
              "create table if not exists crash_probe(id int auto_increment primary key, v int)");
      connection.setAutoCommit(false);
      PreparedStatement insert =
          connection.prepareStatement("insert into crash_probe(v) values (?)");
      for (int i = 0; i < rows; i++) {
        insert.setInt(1, i);
        insert.executeUpdate();
        connection.commit();
      }
      System.out.println("COMMITTED " + rows);
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  private H2CrashChild() {}
}
