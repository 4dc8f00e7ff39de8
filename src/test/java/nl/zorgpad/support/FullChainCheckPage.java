package nl.zorgpad.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The auditor's full hash-chain check as she does it on {@code /audit/keten}: the form starts it
 * in the background, and she reloads the page until it no longer says it is running.
 */
public final class FullChainCheckPage {

  private FullChainCheckPage() {}

  /**
   * Starts a full check as {@code user} ("id:password"), waits for it, returns the page. A check
   * another test left running (the ITs share one application) is waited for first.
   */
  public static String run(int port, String user) {
    TestSession session = TestSession.browser(port, user);
    for (int attempt = 1; ; attempt++) {
      waitForIdle(session);
      HttpResponse<String> started =
          session.postForm("/audit/keten/volledig", "/audit/keten", Map.of());
      if (started.statusCode() != 303 && started.statusCode() != 302) {
        throw new IllegalStateException(
            "starting the full check answered " + started.statusCode() + ": " + started.body());
      }
      String location = started.headers().firstValue("Location").orElse("");
      if (location.contains("controle=gestart")) {
        return waitForIdle(session);
      }
      if (!location.contains("controle=bezig") || attempt == 3) {
        throw new IllegalStateException("the full check did not start: " + location);
      }
    }
  }

  /** Reloads {@code /audit/keten} until no full check is running (30 s at most). */
  public static String waitForIdle(TestSession session) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      String page = session.get("/audit/keten").body();
      if (!page.contains("id=\"full-check-running\"")) {
        return page;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the full check still runs after 30 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
