package nl.zorgpad.casus;

import java.util.Optional;

/**
 * The neighbourhood code of the sociale kaart that covers a postcode. The default finds none;
 * the sociale kaart's postcode resolver replaces it (see docs/dossier.md).
 */
@FunctionalInterface
public interface NeighbourhoodFinder {

  Optional<String> neighbourhoodOf(String postcode);
}
