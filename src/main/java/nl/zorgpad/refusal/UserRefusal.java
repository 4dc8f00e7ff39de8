package nl.zorgpad.refusal;

/**
 * An expected refusal that a user may read: the HTTP status to answer with, a stable machine code,
 * the Dutch text the user sees and (as {@link #getMessage()}) the English text for logs and API
 * detail. Every door (Zorgpad's API and pages, {@code /engine-rest}, the Tasklist's
 * {@code /camunda/api/engine}) answers a request that failed with one of these anywhere in its
 * cause chain with that status and the Dutch text only, and logs it once without a stack trace.
 *
 * <p>This package depends on nothing else of Zorgpad, so that every feature may throw one.
 */
public interface UserRefusal {

  /** The HTTP status (4xx). */
  int status();

  /** A stable code for API clients, e.g. {@code model-policy} or {@code task-already-completed}. */
  String code();

  /** What the user reads, in Dutch, without internals (no ids, class names or engine codes). */
  String userMessage();

  /**
   * English, for logs and the API's {@code detail} — except where a program outside Zorgpad shows
   * the exception's message to a user as it is: {@code ModelRefusedException} (Camunda's REST
   * API for deployments and the desktop Modeler print it) carries the Dutch text here and its
   * English one in {@link #logMessage()}.
   */
  String getMessage();

  /** What the log says (English): {@link #getMessage()} unless that is the user's text. */
  default String logMessage() {
    return getMessage();
  }
}
