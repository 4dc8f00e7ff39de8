package zorgpadbench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP relay (GreenMail) in the harness's JVM for the Zorgpad children: an installation
 * has a relay, so its outbox delivers instead of piling up and retrying every mail (which without
 * one took a third of a busy child's CPU; docs/benchmarks.md). Delivered mails are dropped every
 * few seconds so the harness's memory stays flat over a region's generation.
 */
final class MailRelay {

  private static GreenMail relay;
  private static int port;

  private MailRelay() {}

  /** The relay's port, started on first use. */
  static synchronized int port() {
    if (relay == null) {
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("no free port for the mail relay", e);
      }
      relay = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      relay.start();
      ScheduledExecutorService purge =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "mail-relay-purge");
                thread.setDaemon(true);
                return thread;
              });
      purge.scheduleWithFixedDelay(
          () -> {
            try {
              relay.purgeEmailFromAllMailboxes();
            } catch (Exception e) {
              // a purge that fails is tried again
            }
          },
          5,
          5,
          TimeUnit.SECONDS);
      Runtime.getRuntime().addShutdownHook(new Thread(relay::stop));
    }
    return port;
  }
}
