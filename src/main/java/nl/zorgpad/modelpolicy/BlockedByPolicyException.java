package nl.zorgpad.modelpolicy;

import nl.zorgpad.refusal.UserRefusal;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine refused to run part of a model at run time (defence in depth, decision 0006): a
 * method or bean outside the allow-list in an expression, a script, or a Java class. Only a model
 * that reached the database without the deployment check (deployed before the policy existed, or
 * written by SQL) can get here; the start-up report names it.
 */
public class BlockedByPolicyException extends ProcessEngineException implements UserRefusal {

  private final String userMessage;

  BlockedByPolicyException(String englishMessage, String userMessage) {
    super(englishMessage);
    this.userMessage = userMessage;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String code() {
    return ModelRefusedException.CODE;
  }

  @Override
  public String userMessage() {
    return userMessage;
  }

  static BlockedByPolicyException expression(String english) {
    return new BlockedByPolicyException(english, PolicyMessages.text("blocked.expression"));
  }

  static BlockedByPolicyException script(String language) {
    return new BlockedByPolicyException(
        "Model policy: scripts are disabled in this engine" + " (language " + language + ")",
        PolicyMessages.text("blocked.script"));
  }

  static BlockedByPolicyException javaClass(String className, String element) {
    return new BlockedByPolicyException(
        "Model policy: Java class " + className + " at " + element + " is not on the allow-list",
        PolicyMessages.text("blocked.class"));
  }
}
