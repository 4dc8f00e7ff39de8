package nl.zorgpad.casus;

import nl.zorgpad.accesslog.Actor;

/**
 * Decides whether someone may access a part of a case (need-to-know). Implemented by
 * {@code nl.zorgpad.coalition.CoalitionDossierGuard} (coalitions apart, then
 * {@code nl.zorgpad.access.NeedToKnow}); {@link DossierService} asks it before every read and
 * change and logs the answer. Deciding never logs.
 */
public interface DossierGuard {

  AccessGrant decide(String caseNumber, DossierPart part, Actor actor);

  /**
   * The same decision as {@link #decide} for each of several cases (a page of the case list):
   * case number → grant, in the order given. Implementations decide set-based, in a bounded
   * number of queries for the whole collection; the default asks per case.
   */
  default java.util.Map<String, AccessGrant> decideAll(
      java.util.Collection<String> caseNumbers, DossierPart part, Actor actor) {
    java.util.Map<String, AccessGrant> grants = new java.util.LinkedHashMap<>();
    for (String caseNumber : caseNumbers) {
      grants.put(caseNumber, decide(caseNumber, part, actor));
    }
    return grants;
  }
}
