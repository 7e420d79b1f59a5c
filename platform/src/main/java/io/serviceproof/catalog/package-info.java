/**
 * The standards library: frameworks with editions and requirement trees, national adoptions,
 * crosswalks in the OSCAL 1.2 mapping model, legal obligations, market profiles and the recognition
 * layer. Each organisation keeps its own copy, seeded from the starter library and extended by
 * imports (OSCAL, our YAML, XLSX, CSV). {@link io.serviceproof.catalog.Catalog} is what other
 * modules read.
 */
@ApplicationModule(
        displayName = "Catalog",
        allowedDependencies = {"common", "identity"})
package io.serviceproof.catalog;

import org.springframework.modulith.ApplicationModule;
