package nl.zorgpad.caseview;

import java.util.List;

/**
 * The contacts of a group (team or discipline) for the case overview. The default knows none
 * (the page then shows the involvement alone); a bean backed by the sociale kaart replaces it
 * (see docs/dossier.md).
 */
@FunctionalInterface
public interface ContactDirectory {

  List<ContactCard> contactsOf(String groupId);
}
