package nl.zorgpad.input;

/**
 * The longest text Zorgpad accepts in each kind of input field, for {@code @Size(max = …)} on
 * request parameters and form fields (issue 10, item 5). Lengths follow the database columns the
 * text ends up in, so that too long is a Dutch 400 and never a database error. Anything without
 * its own {@code @Size} is held to {@link InputLimitsProperties#maxTextLength()}; this package
 * depends on no other feature, so that every controller may use it.
 */
public final class TextLimits {

  /** Codes and ids: case numbers, group, discipline, tenant, task and deployment ids. */
  public static final int CODE = 100;

  /** A search word (sociale kaart, access log, case history). */
  public static final int SEARCH = 100;

  /** A resource name of the workbench, e.g. {@code processes/zorgpad-toestemming.bpmn}. */
  public static final int RESOURCE_NAME = 200;

  /** A person's given or family name, a city. */
  public static final int NAME = 100;

  /** A street. */
  public static final int STREET = 150;

  /** Short values: house number, postcode, phone, BSN, a date, a number. */
  public static final int SHORT = 30;

  /** The reason for an emergency access (noodprocedure): a sentence or two. */
  public static final int REASON = 500;

  /** An anchor point of the audit chains, pasted back by the auditor. */
  public static final int ANCHOR = 4000;

  /** A model (BPMN/DMN XML, form JSON) sent from the workbench's editors. */
  public static final int MODEL = 5_000_000;

  private TextLimits() {}
}
