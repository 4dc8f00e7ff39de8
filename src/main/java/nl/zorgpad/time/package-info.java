/**
 * Time: the one zone ({@link nl.zorgpad.time.ZorgpadTime#ZONE}). Depends on no feature
 * (ArchitectureTest).
 */
package nl.zorgpad.time;
