package nl.zorgpad.modelpolicy;

/** A marked bean for the run-time tests: one callable method, one that is not marked. */
@PathwayBean
public class TestPathwayBean {

  private boolean secretCalled;

  @PathwayCallable
  public String greet(String name) {
    return "hallo " + name;
  }

  public String secret() {
    secretCalled = true;
    return "geheim";
  }

  public boolean secretCalled() {
    return secretCalled;
  }
}
