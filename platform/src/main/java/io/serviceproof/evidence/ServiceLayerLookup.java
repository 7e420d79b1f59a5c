package io.serviceproof.evidence;

import java.util.Optional;

/**
 * How the vault learns that a service layer exists and what it is called, without depending on the
 * module that owns layers (that module implements this).
 */
public interface ServiceLayerLookup {

    /** The layer's display name, if the acting organisation has a layer with this id. */
    Optional<String> layerName(String layerId);

    /** Every layer of the acting organisation, id → display name, for choosing one to link. */
    java.util.Map<String, String> layerNames();
}
