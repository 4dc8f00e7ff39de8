package nl.zorgpad.startup;

/**
 * One step of Zorgpad's start-up sequence ({@link StartupSequence}): brings the database into the
 * shape the application needs (groups, administrator, authorizations, pathways, Tasklist filters,
 * a feature's own data, demo data). A feature registers a step by making a bean of this type and
 * puts it in its slot with {@link org.springframework.core.annotation.Order @Order} (the
 * constants below, plus a few within the slot).
 *
 * <p>The sequence runs on every start of every node, serialised across the nodes of a cluster by
 * the {@link StartupLock}. So a step must be <b>idempotent</b> (create what is missing, change
 * nothing that is there) and may check-then-insert: no other node runs a step at the same time.
 * A request served by a node that is already running may still create the same row in between;
 * a step that fails is therefore run once more before the start fails (it then finds the row).
 */
public interface StartupStep {

  /** Groups and the administrator who always exists (security). */
  int IDENTITY = 100;

  /** The engine authorizations of the groups (security). */
  int AUTHORIZATIONS = 200;

  /** Packaged pathways, decisions and forms (pathway). */
  int PATHWAYS = 300;

  /** The Tasklist's shared filters (tasklist). */
  int TASKLIST = 400;

  /** A feature's own data that needs the above (e.g. the groups of the sociale kaart's teams). */
  int FEATURES = 500;

  /** Demo accounts, the demo sociale kaart and demo cases (profile demo only). */
  int DEMO = 600;

  /** Runs the step; idempotent. */
  void run();

  /** Its name in the start-up log. */
  default String name() {
    return org.springframework.util.ClassUtils.getUserClass(this).getSimpleName();
  }
}
