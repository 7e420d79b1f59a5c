package io.serviceproof.services;

import io.serviceproof.evidence.ServiceLayerLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Lets the evidence vault check links to layers without depending on this module. */
@Component
class LayerDirectory implements ServiceLayerLookup {

    private final LayerRows layers;

    LayerDirectory(LayerRows layers) {
        this.layers = layers;
    }

    @Override
    public Optional<String> layerName(String layerId) {
        return layers.find(layerId).map(ServiceLayer::name);
    }
}
