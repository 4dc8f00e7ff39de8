package nl.zorgpad.casus;

/**
 * One reason why input for a case was refused.
 *
 * @param field the input field (the variable name users and API callers send)
 * @param problem a short English description for logs and API documentation
 * @param dutchMessage the message shown to the caregiver
 */
public record Violation(String field, String problem, String dutchMessage) {
}
