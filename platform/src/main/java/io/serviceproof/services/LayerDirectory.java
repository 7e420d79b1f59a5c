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

    @Override
    public java.util.Map<String, String> layerNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        layers.findAll().stream()
                .sorted(java.util.Comparator.comparing(ServiceLayer::name))
                .forEach(l -> names.put(l.id(), l.name()));
        return names;
    }
}
