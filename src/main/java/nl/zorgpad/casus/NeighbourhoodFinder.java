package nl.zorgpad.casus;

import java.util.Optional;

/**
 * The neighbourhood code of the sociale kaart that covers a postcode. Implemented by the
 * sociale kaart's postcode resolver (socialmap.SocialMapDossierConfiguration, docs/dossier.md).
 */
@FunctionalInterface
public interface NeighbourhoodFinder {

  Optional<String> neighbourhoodOf(String postcode);
}
