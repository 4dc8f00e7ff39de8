package nl.zorgpad.monitor;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import nl.zorgpad.refusal.RefusalException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who sees which coalition, and the request's filters checked: a coordinator or policy officer
 * sees the coalitions (engine tenants) she belongs to; one who belongs to none sees the shared
 * installation's cases ({@code ""}). Bad filters are a 400 with a Dutch message.
 */
@Component
class MonitorScope {

  static final String SHARED = "";
  private static final Pattern WIJK = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

  private final IdentityService identity;
  private final JdbcTemplate jdbc;

  MonitorScope(IdentityService identity, JdbcTemplate jdbc) {
    this.identity = identity;
    this.jdbc = jdbc;
  }

  /** Coalition id → name the user may see ("" → the shared installation). */
  Map<String, String> coalitions(String userId) {
    Map<String, String> coalitions = new LinkedHashMap<>();
    for (Tenant tenant :
        identity
            .createTenantQuery()
            .userMember(userId)
            .includingGroupsOfUser(true)
            .orderByTenantId()
            .asc()
            .list()) {
      coalitions.put(tenant.getId(), tenant.getName() == null ? tenant.getId() : tenant.getName());
    }
    if (coalitions.isEmpty()) {
      coalitions.put(SHARED, "");
    }
    return coalitions;
  }

  /** The filter of a request, checked (public: the page template reads it). */
  public record Filter(String coalition, YearMonth from, YearMonth to, String wijk) {}

  Filter filter(
      String userId, String coalition, String from, String to, String wijk, YearMonth now) {
    Map<String, String> allowed = coalitions(userId);
    String chosen =
        coalition == null || coalition.isBlank()
            ? allowed.keySet().iterator().next()
            : coalition.trim();
    if (!allowed.containsKey(chosen)) {
      throw new RefusalException(
          403,
          "monitor-coalition-refused",
          "monitor of a coalition the user does not belong to",
          nl.zorgpad.refusal.DutchText.of("monitor.refused.coalition"));
    }
    YearMonth end = month(to, now, "tot");
    YearMonth start = month(from, end.minusMonths(11), "van");
    if (start.isAfter(end)) {
      throw invalid(
          "from after to", nl.zorgpad.refusal.DutchText.of("monitor.refused.fromAfterTo"));
    }
    if (start.plusMonths(MonitorQuery.MAX_MONTHS - 1).isBefore(end)) {
      throw invalid(
          "period too long",
          nl.zorgpad.refusal.DutchText.of(
              "monitor.refused.periodTooLong", String.valueOf(MonitorQuery.MAX_MONTHS / 12)));
    }
    String chosenWijk = wijk == null || wijk.isBlank() ? null : wijk.trim();
    if (chosenWijk != null && !WIJK.matcher(chosenWijk).matches()) {
      throw invalid("bad wijk", nl.zorgpad.refusal.DutchText.of("monitor.refused.wijk"));
    }
    return new Filter(chosen, start, end, chosenWijk);
  }

  private static YearMonth month(String value, YearMonth fallback, String field) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw invalid(
          "bad month in " + field, nl.zorgpad.refusal.DutchText.of("monitor.refused.month"));
    }
  }

  private static RefusalException invalid(String english, String dutch) {
    return new RefusalException(400, "monitor-filter-invalid", english, dutch);
  }

  /** Wijk code → name of the sociale kaart (codes it does not know are left out). */
  Map<String, String> wijkNames() {
    Map<String, String> known = new LinkedHashMap<>();
    jdbc.query(
        "select code, name from zp_neighbourhood",
        rs -> {
          known.put(rs.getString(1), rs.getString(2));
        });
    return known;
  }
}
