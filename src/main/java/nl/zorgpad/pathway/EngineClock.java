package nl.zorgpad.pathway;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of Zorgpad: the engine's clock ({@code ClockUtil}, an engine internal and the
 * only way to read it), in Dutch time. Timers, due dates and the engine's history are on it; so
 * the dossier, the access log, "overdue", deadlines and mails are too, and they agree when a test
 * moves the engine clock. In production it is the system clock. Injected as the {@link Clock}
 * bean ({@link ClockConfiguration}); {@link #ENGINE} for code the engine builds itself.
 */
public final class EngineClock extends Clock {

  /** For engine-side code that Spring does not build (plain-engine process tests). */
  public static final EngineClock ENGINE = new EngineClock(ZorgpadTime.ZONE);

  private final ZoneId zone;

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public long millis() {
    return ClockUtil.getCurrentTime().getTime();
  }
}
