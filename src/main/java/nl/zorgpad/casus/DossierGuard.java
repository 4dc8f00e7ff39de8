package nl.zorgpad.casus;

import nl.zorgpad.audit.Actor;

/**
 * Decides whether someone may access a part of a case (need-to-know). Implemented by
 * {@code nl.zorgpad.access.NeedToKnow}; {@link DossierService} asks it before every read and
 * change and logs the answer. Deciding never logs.
 */
public interface DossierGuard {

  AccessGrant decide(String caseNumber, DossierPart part, Actor actor);
}
