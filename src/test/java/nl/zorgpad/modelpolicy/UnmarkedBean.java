package nl.zorgpad.modelpolicy;

/** A bean in the engine's beans map without {@link PathwayBean}, as any other Spring bean. */
public class UnmarkedBean {

  private boolean called;

  public void clear() {
    called = true;
  }

  public boolean called() {
    return called;
  }
}
