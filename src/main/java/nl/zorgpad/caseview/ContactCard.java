package nl.zorgpad.caseview;

/** How to reach someone involved: from the sociale kaart when it knows the team. */
public record ContactCard(
    String name, String role, String phone, String secureMail, String organisation, String team) {}
