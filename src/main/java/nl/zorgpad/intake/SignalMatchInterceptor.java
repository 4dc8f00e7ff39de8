package nl.zorgpad.intake;

import java.util.Optional;
import java.util.function.Supplier;
import nl.zorgpad.casus.SignalMatchesOpenCase;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The outermost engine command interceptor, outside the transaction (decision 0008). When the
 * start of a pathway found that its signal is for a woman who already has an open case, the start
 * listener threw {@link SignalMatchesOpenCase}: the engine rolled the whole start back (no
 * instance, no history, no dossier row). Here, after that rollback, the signal joins her open case
 * in a new transaction ({@link SignalJoiner}), and the caller gets
 * {@link SignalJoinedOpenCase}: the Dutch answer that she already has a case and whom to
 * contact. Holds at every door, because every door starts a pathway through a command.
 *
 * <p>Only the outermost command is handled: a nested command (one started from a listener inside
 * another command) lets the exception through to the outermost one, whose transaction is the one
 * that must be rolled back first.
 */
final class SignalMatchInterceptor extends CommandInterceptor {

  private final Supplier<SignalJoiner> joiner;

  SignalMatchInterceptor(Supplier<SignalJoiner> joiner) {
    this.joiner = joiner;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() != null) {
      return next.execute(command);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return next.execute(command);
      } catch (RuntimeException failure) {
        SignalMatchesOpenCase match = matchIn(failure);
        if (match == null || attempt > 1) {
          throw failure;
        }
        Optional<SignalJoinedOpenCase> joined = joiner.get().join(match);
        if (joined.isPresent()) {
          throw joined.get();
        }
        // her case closed in the meantime: this signal opens a new case after all (once)
      }
    }
  }

  private static SignalMatchesOpenCase matchIn(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SignalMatchesOpenCase match) {
        return match;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }
}
