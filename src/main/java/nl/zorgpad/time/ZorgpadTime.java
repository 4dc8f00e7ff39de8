package nl.zorgpad.time;

import java.time.ZoneId;

/**
 * The one zone of Zorgpad: the Dutch calendar (working days, case-number years, dates on pages and
 * exports, "today" of a deadline). The one clock is the {@link java.time.Clock} bean
 * ({@code pathway.EngineClock}: the engine's clock, so that timers, deadlines and the dossier
 * agree also when a test moves the engine clock); inject it instead of calling {@code now()}.
 */
public final class ZorgpadTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private ZorgpadTime() {}
}
