package nl.zorgpad.support;

import java.util.Random;

/** Random BSNs that pass the eleven test, so that test clients never meet by accident. */
public final class TestBsn {

  private static final Random RANDOM = new Random();

  private TestBsn() {}

  public static String random() {
    while (true) {
      int[] digits = new int[9];
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        digits[i] = RANDOM.nextInt(10);
        sum += digits[i] * (9 - i);
      }
      int last = sum % 11;
      if (last == 10 || digits[0] == 0 || sum == last) {
        continue;
      }
      digits[8] = last;
      StringBuilder bsn = new StringBuilder();
      for (int digit : digits) {
        bsn.append(digit);
      }
      return bsn.toString();
    }
  }
}
