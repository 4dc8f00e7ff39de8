package nl.zorgpad.casus;

import java.time.ZonedDateTime;

/**
 * Thrown by the start of a pathway when its signal is for a woman who already has an open case
 * (decision 0008): the start must not happen, so the transaction rolls back, and the engine glue
 * then joins the signal to that case in a transaction of its own
 * ({@link CaseRegistry#joinOpenCase}). Carries the signal and who gave it, never the BSN, birth
 * date or postcode; its message holds only the case number and the kind of match.
 */
public class SignalMatchesOpenCase extends RuntimeException {

  private final transient SignalOutcome outcome;
  private final transient Signal signal;
  private final transient SignalSource source;
  private final transient ZonedDateTime signalledAt;

  public SignalMatchesOpenCase(
      SignalOutcome outcome, Signal signal, SignalSource source, ZonedDateTime signalledAt) {
    super(
        "The signal is for the client of open case "
            + outcome.caseNumber()
            + " (match "
            + outcome.kind().code()
            + "): it joins that case instead of opening a new one");
    this.outcome = outcome;
    this.signal = signal;
    this.source = source;
    this.signalledAt = signalledAt;
  }

  public SignalOutcome outcome() {
    return outcome;
  }

  public Signal signal() {
    return signal;
  }

  public SignalSource source() {
    return source;
  }

  public ZonedDateTime signalledAt() {
    return signalledAt;
  }
}
