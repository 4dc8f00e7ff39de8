package nl.zorgpad.modelpolicy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A delegate class whose static initialiser records that it was loaded: a {@code camunda:class}
 * outside the allow-list must not even be loaded (a static initialiser is code too).
 */
public class LoadedMarker implements JavaDelegate {

  /** Set by the initialiser; read by tests through {@link Flag} so that they do not load it. */
  public static final class Flag {
    public static final AtomicBoolean LOADED = new AtomicBoolean();

    private Flag() {}
  }

  static {
    Flag.LOADED.set(true);
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("markerRan", true);
  }
}
