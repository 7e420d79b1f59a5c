package io.serviceproof.assessment;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Framework;
import io.serviceproof.catalog.Requirement;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The catalog's Chinese titles of an assessment's requirements, for pages and reports read in Chinese. */
@Component
public class RequirementTitles {

    private final Catalog catalog;

    RequirementTitles(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Requirement id → its Chinese title; a requirement the catalog has no Chinese title for is absent. */
    public Map<String, String> chinese(AssessmentView view) {
        Set<String> ids =
                view.results().stream().map(RequirementResult::requirementId).collect(Collectors.toSet());
        Set<String> labels =
                view.results().stream().map(RequirementResult::framework).collect(Collectors.toSet());
        Map<String, String> titles = new HashMap<>();
        for (Framework framework : catalog.frameworks()) {
            if (!labels.contains(framework.label())) {
                continue;
            }
            for (Requirement r : catalog.requirements(framework.id())) {
                if (ids.contains(r.id()) && !r.titleZh().isBlank()) {
                    titles.put(r.id(), r.titleZh());
                }
            }
        }
        return titles;
    }
}
