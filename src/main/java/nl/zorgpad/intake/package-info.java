/**
 * The intake of a signal, between the doors (Tasklist start form, {@code POST /api/signals},
 * {@code /engine-rest}, the Java API) and the case dossier: the dossier-only fields never stay in
 * the engine ({@link nl.zorgpad.intake.DossierOnlyFieldsListener}), and a signal for a woman who
 * already has an open case joins that case instead of opening a second one
 * ({@link nl.zorgpad.intake.SignalMatchInterceptor}, {@link nl.zorgpad.intake.SignalJoiner};
 * decision 0008). Engine glue, like {@code pathway}: the rules themselves live in
 * {@code casus}.
 */
package nl.zorgpad.intake;
