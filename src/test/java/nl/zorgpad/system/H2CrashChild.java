package nl.zorgpad.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Child process of {@link H2DurabilityIT}: commits rows one transaction at a time, reports how
 * many, then dies without shutdown hooks — as a killed JVM or a power cut of the process would.
 * With a third argument {@code compacting} it also rewrites old rows (dead pages in old chunks)
 * while {@link H2FileMaintenance} rewrites and moves chunks every 20 ms on another thread, with
 * H2's retention time shortened to 1 s so that the job has old chunks to work on; it dies while
 * the job is still running.
 */
public final class H2CrashChild {

  public static void main(String[] args) throws Exception {
    int rows = Integer.parseInt(args[1]);
    boolean compacting = args.length > 2 && args[2].equals("compacting");
    ScheduledExecutorService job = Executors.newSingleThreadScheduledExecutor();
    java.util.concurrent.atomic.AtomicInteger worked =
        new java.util.concurrent.atomic.AtomicInteger();
    try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
      connection
          .createStatement()
          .execute(
              "create table if not exists crash_probe(id int auto_increment primary key, v int,"
                  + " payload varchar(500))");
      if (compacting) {
        connection.createStatement().execute("set retention_time 1000");
        H2FileMaintenance maintenance =
            new H2FileMaintenance(
                new DriverManagerDataSource(args[0], "sa", ""),
                80,
                1,
                Duration.ofMillis(200),
                90,
                4);
        job.scheduleWithFixedDelay(
            () -> {
              try {
                if (maintenance.compact()) {
                  worked.incrementAndGet();
                }
              } catch (Exception e) {
                e.printStackTrace();
              }
            },
            20,
            20,
            TimeUnit.MILLISECONDS);
      }
      connection.setAutoCommit(false);
      PreparedStatement insert =
          connection.prepareStatement("insert into crash_probe(v, payload) values (?, ?)");
      PreparedStatement update =
          connection.prepareStatement("update crash_probe set payload = ? where id = ?");
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < rows; i++) {
        insert.setInt(1, i);
        insert.setString(2, "p" + random.nextLong());
        insert.executeUpdate();
        if (compacting && i > 0) {
          update.setString(1, "u" + random.nextLong() + "x".repeat(random.nextInt(400)));
          update.setInt(2, 1 + random.nextInt(i));
          update.executeUpdate();
        }
        connection.commit();
        if (compacting && i % 100 == 0) {
          Thread.sleep(30); // let chunks age past the shortened retention time
        }
      }
      System.out.println("MAINTENANCE RUNS THAT REWROTE OR MOVED " + worked.get());
      System.out.println("COMMITTED " + rows);
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  private H2CrashChild() {}
}
