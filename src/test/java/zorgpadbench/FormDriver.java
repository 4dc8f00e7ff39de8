package zorgpadbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a Camunda Form (form-js JSON, as the Tasklist renders it) the way a caregiver would: every
 * visible field with a value its type and its options allow. The fields are read from the form
 * itself, so the benchmark survives changes of the pathways and forms; only the choice between
 * options is steered ({@link #PREFERENCES}: soft hints, ignored when a field or value is gone) so
 * that the generated cases take realistic paths and loops end.
 *
 * <p>Hidden fields (form-js {@code conditional.hide}, FEEL like {@code =x != "y" or z != "w"})
 * are left out, as the Tasklist leaves them out.
 */
public final class FormDriver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*");

  private static final Pattern FUTURE_DATE = Pattern.compile("(?i)(next|planned|due|evaluation)");

  /** field → {preferred value, probability}; values not in the form are ignored. */
  static final Map<String, Object[]> PREFERENCES =
      Map.ofEntries(
          Map.entry("consentDecision", new Object[] {"GIVEN", 0.85}),
          Map.entry("newSignalAction", new Object[] {"geen-actie", 0.85}),
          Map.entry("mdoHasActionPoints", new Object[] {"nee", 0.7}),
          Map.entry("mdoMoreActionPoints", new Object[] {"nee", 0.9}),
          Map.entry("checkInOutcome", new Object[] {"loopt-goed", 0.85}),
          Map.entry("birthCheckOutcome", new Object[] {"geboren", 0.9}),
          Map.entry("meldcodeSuspicion", new Object[] {"nee", 0.6}),
          Map.entry("meldcodeHelpEffective", new Object[] {"ja", 0.9}),
          Map.entry("veiligThuisCallResult", new Object[] {"contact-gemaakt", 0.9}),
          Map.entry("contactMomentOutcome", new Object[] {"gezien", 0.9}),
          Map.entry("homeVisitDecision", new Object[] {"aanvragen", 0.7}),
          Map.entry("homeVisitOutcome", new Object[] {"bezocht", 0.85}),
          Map.entry("maternityCareOutcome", new Object[] {"afgerond", 0.9}),
          Map.entry("mdoActionResult", new Object[] {"uitgevoerd", 0.9}),
          Map.entry("escalationAction", new Object[] {"ontvanger-gebeld", 0.9}),
          Map.entry("followUpAction", new Object[] {"ontvanger-had-al-contact", 0.8}),
          Map.entry("meldcodeTalkSafe", new Object[] {"ja", 0.9}));

  /** Checkboxes that start a side path: rarely ticked. */
  static final Map<String, Double> CHECKBOX_TRUE =
      Map.of("startMeldcode", 0.03, "consentAskAgain", 0.1);

  /** Checklist fields whose choice is the path: how many options, preferring these. */
  static final Map<String, List<String>> CHECKLIST_PREFERENCES =
      Map.of(
          "handoverRecipients", List.of("jgz"),
          "mdoParticipants", List.of("jgz", "verloskundige"));

  /** A variable as a form submits it: a type name as the engine's REST API spells it. */
  public record Value(String type, Object value) {}

  private final List<JsonNode> fields = new ArrayList<>();
  private final String id;

  private FormDriver(JsonNode form) {
    this.id = form.path("id").asText(null);
    collect(form.path("components"), fields);
  }

  public static FormDriver parse(String json) {
    try {
      return new FormDriver(JSON.readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("not a Camunda Form: " + e.getMessage(), e);
    }
  }

  public String id() {
    return id;
  }

  /** The keys of every input field of the form. */
  public List<String> keys() {
    return fields.stream().map(f -> f.path("key").asText()).toList();
  }

  private static void collect(JsonNode components, List<JsonNode> into) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        collect(component.path("components"), into);
      } else if (component.hasNonNull("key")
          && !component.path("type").asText().equals("text")
          && !component.path("disabled").asBoolean(false)
          && !component.path("readonly").asBoolean(false)) {
        into.add(component);
      }
    }
  }

  /**
   * Values for every visible field. {@code today} is the engine's date; {@code dateShift} moves
   * every date by that many days (a retry after a refused date); {@code context} holds process
   * variables a condition may read (a field of this form wins).
   */
  public Map<String, Value> fill(
      Random random, LocalDate today, int dateShift, Map<String, Object> context) {
    return fill(random, today, dateShift, context, 0);
  }

  /** As above; from the second {@code attempt} on, checklist choices ignore the preferences. */
  public Map<String, Value> fill(
      Random random, LocalDate today, int dateShift, Map<String, Object> context, int attempt) {
    Map<String, Value> values = new LinkedHashMap<>();
    Map<String, Object> known = new LinkedHashMap<>(context == null ? Map.of() : context);
    for (JsonNode field : fields) {
      String key = field.path("key").asText();
      String hide = field.path("conditional").path("hide").asText("");
      if (!hide.isBlank() && hidden(hide, known)) {
        continue;
      }
      Value value =
          field.path("type").asText().equals("datetime")
                  && known.get(key) instanceof LocalDate hint
                  && attempt == 0
              ? new Value("String", hint.toString())
              : value(field, key, random, today, dateShift, attempt);
      if (value != null) {
        values.put(key, value);
        known.put(key, value.value());
      }
    }
    return values;
  }

  private static Value value(
      JsonNode field, String key, Random random, LocalDate today, int shift, int attempt) {
    boolean required = field.path("validate").path("required").asBoolean(false);
    String type = field.path("type").asText();
    List<String> options = new ArrayList<>();
    field.path("values").forEach(v -> options.add(v.path("value").asText()));
    switch (type) {
      case "radio", "select" -> {
        if (options.isEmpty()) {
          return required ? new Value("String", "bench") : null;
        }
        return new Value("String", choose(key, options, random));
      }
      case "checkbox" -> {
        double probability = CHECKBOX_TRUE.getOrDefault(key, required ? 1.0 : 0.0);
        return new Value("Boolean", random.nextDouble() < probability);
      }
      case "checklist", "taglist" -> {
        if (options.isEmpty()) {
          return null;
        }
        List<String> chosen = new ArrayList<>();
        for (String preferred :
            attempt > 0
                ? List.<String>of()
                : CHECKLIST_PREFERENCES.getOrDefault(key, List.<String>of())) {
          if (options.contains(preferred)) {
            chosen.add(preferred);
          }
        }
        if (chosen.isEmpty()) {
          // a retry avoids the preferred options: the refusal may have been about them (the
          // handover's recipient must not be the signalling discipline itself)
          List<String> others = new ArrayList<>(options);
          if (attempt > 0) {
            others.removeAll(CHECKLIST_PREFERENCES.getOrDefault(key, List.of()));
          }
          List<String> from = others.isEmpty() ? options : others;
          chosen.add(from.get(random.nextInt(Math.min(from.size(), 3))));
        }
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < chosen.size(); i++) {
          json.append(i == 0 ? "" : ",").append('"').append(chosen.get(i)).append('"');
        }
        return new Value("Json", json.append(']').toString());
      }
      case "datetime" -> {
        // a date that plans something ahead (next review, planned visit, due date, evaluation)
        // lies two weeks ahead; every other date (held, born, contacted) is today
        int ahead = FUTURE_DATE.matcher(key).find() ? 14 : 0;
        return new Value("String", today.plusDays(ahead + shift).toString());
      }
      case "number" -> {
        long min = field.path("validate").path("min").asLong(0);
        long max = field.path("validate").path("max").asLong(Math.max(min, 10));
        return new Value("Long", min + (max > min ? random.nextLong(max - min + 1) : 0));
      }
      case "textfield", "textarea" -> {
        // free text is never sent unless the form demands it (no personal data in the engine)
        return required
            ? new Value("String", "BENCH-" + Integer.toString(random.nextInt(1 << 30), 36))
            : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static String choose(String key, List<String> options, Random random) {
    Object[] preference = PREFERENCES.get(key);
    if (preference != null && options.contains((String) preference[0])) {
      if (random.nextDouble() < (double) preference[1]) {
        return (String) preference[0];
      }
      List<String> others = new ArrayList<>(options);
      others.remove(preference[0]);
      return others.isEmpty() ? options.get(0) : others.get(random.nextInt(others.size()));
    }
    return random.nextDouble() < 0.7 ? options.get(0) : options.get(random.nextInt(options.size()));
  }

  /** form-js FEEL of the shape the forms use: comparisons with a string, joined by or/and. */
  static boolean hidden(String expression, Map<String, Object> known) {
    String feel = expression.strip();
    if (!feel.startsWith("=")) {
      return Boolean.parseBoolean(feel);
    }
    feel = feel.substring(1);
    for (String disjunct : feel.split("\\bor\\b")) {
      boolean all = true;
      for (String conjunct : disjunct.split("\\band\\b")) {
        Matcher m = CONDITION.matcher(conjunct);
        if (!m.matches()) {
          return false; // unknown shape: show the field
        }
        Object actual = known.get(m.group(1));
        boolean equal = actual != null && actual.toString().equals(m.group(3));
        all &= m.group(2).equals("=") == equal;
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
