package nl.zorgpad.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long history is kept and when the engine cleans it up ({@code zorgpad.retention.*}),
 * decided in docs/decisions/0004-retention.md. The time to live itself is per process
 * ({@code camunda:historyTimeToLive}, 7305 days); these settings only say how cleanup runs.
 *
 * @param batchWindowStart start of the nightly cleanup window, HH:mm server time (default 01:00)
 * @param batchWindowEnd end of the window (default 05:00)
 * @param removalTimeStrategy {@code end} (default: the time to live counts from the end of the
 *     whole case, so nothing of a running case is removed) or {@code start}
 * @param batchSize instances removed per cleanup job run (default 500, the engine's maximum)
 */
@ConfigurationProperties("zorgpad.retention")
public record RetentionProperties(
    @DefaultValue("01:00") String batchWindowStart,
    @DefaultValue("05:00") String batchWindowEnd,
    @DefaultValue("end") String removalTimeStrategy,
    @DefaultValue("500") int batchSize) {}
