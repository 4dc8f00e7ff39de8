/**
 * The NEN 7513 access-log writer: {@link nl.zorgpad.accesslog.AccessLog}, its records and who
 * acts ({@link nl.zorgpad.accesslog.Actor}, {@link nl.zorgpad.accesslog.CurrentActor}). Every
 * feature that opens or changes a dossier writes here, so this package depends on no feature
 * (ArchitectureTest); reading, reviewing and verifying the log is {@code nl.zorgpad.audit}'s.
 */
package nl.zorgpad.accesslog;
