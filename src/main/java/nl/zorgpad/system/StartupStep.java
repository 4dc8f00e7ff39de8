package nl.zorgpad.system;

/** A step run once at start, after the engine has groups, pathways and filters (e.g. demo data). */
public interface StartupStep {

  void run();
}
