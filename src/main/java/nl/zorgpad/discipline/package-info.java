/**
 * The disciplines of the field ({@link nl.zorgpad.discipline.Disciplines}, the one list) and the
 * discipline of a candidate group ({@link nl.zorgpad.discipline.GroupDisciplines}; the bean backed
 * by the sociale kaart's teams lives in {@code nl.zorgpad.socialmap}). Depends on no feature
 * (ArchitectureTest): the dossier, consent, security and the pathways all read it.
 */
package nl.zorgpad.discipline;
