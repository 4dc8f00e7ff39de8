package nl.zorgpad.pathway;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the user the engine has authenticated for this call. */
final class Actors {

  /** Recorded when the engine acts without an authenticated user (a timer, a startup task). */
  static final String SYSTEM = "system";

  private Actors() {}

  static String current(ProcessEngineServices services) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return SYSTEM;
    }
    return authentication.getUserId();
  }
}
