package nl.zorgpad.casus;

import java.util.List;

/**
 * Who signals, as the engine knows her at the start: her user id, her groups (disciplines and
 * teams; her team of the signalling discipline becomes the team of her involvement) and her
 * coalition (the engine tenant of the case, null for the shared installation).
 */
public record SignalSource(String userId, List<String> groups, String coalition) {

  public SignalSource {
    groups = groups == null ? List.of() : List.copyOf(groups);
  }

  public static SignalSource of(String userId) {
    return new SignalSource(userId, List.of(), null);
  }
}
