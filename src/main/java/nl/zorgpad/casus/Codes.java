package nl.zorgpad.casus;

import java.util.Arrays;
import java.util.List;

/** The list of codes a coded enum offers: what forms show and the rules accept. */
final class Codes {

  private Codes() {}

  interface Coded {
    String code();
  }

  static <E extends Enum<E> & Coded> List<String> of(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
  }

  static <E extends Enum<E> & Coded> boolean known(Class<E> type, String code) {
    return code != null && of(type).contains(code);
  }
}
