package nl.zorgpad.caseview;

import java.util.List;

/**
 * The contacts of a group (team or discipline) for the case overview. The bean (CaseViewConfiguration)
 * reads the sociale kaart; a group without a team has none (the page shows the involvement
 * alone).
 */
@FunctionalInterface
public interface ContactDirectory {

  List<ContactCard> contactsOf(String groupId);
}
