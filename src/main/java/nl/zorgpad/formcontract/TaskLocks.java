package nl.zorgpad.formcontract;

import java.util.function.Supplier;

/**
 * Completions of one task on this node run one after the other. Without this, two users (or ten
 * concurrent requests) completing the same task all read it, all run the pathway's next steps and
 * all but one fail late, in many ways: an optimistic-locking failure, a unique-key violation on
 * the next task's authorizations, a null pointer inside the engine, each logged as an engine error
 * with its stack trace. Serialized, the second completion finds the task gone and is refused
 * cleanly (409). Striped by task id, so completions of different tasks hardly ever wait; across
 * nodes of a cluster the engine's optimistic locking still decides.
 */
final class TaskLocks {

  private static final int STRIPES = 64;
  private static final Object[] LOCKS = new Object[STRIPES];

  static {
    for (int i = 0; i < STRIPES; i++) {
      LOCKS[i] = new Object();
    }
  }

  private TaskLocks() {}

  static <T> T completing(String taskId, Supplier<T> completion) {
    if (taskId == null) {
      return completion.get();
    }
    synchronized (LOCKS[Math.floorMod(taskId.hashCode(), STRIPES)]) {
      return completion.get();
    }
  }

  static void completing(String taskId, Runnable completion) {
    completing(
        taskId,
        () -> {
          completion.run();
          return null;
        });
  }
}
