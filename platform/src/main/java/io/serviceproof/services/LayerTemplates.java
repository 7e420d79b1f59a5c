package io.serviceproof.services;

import io.serviceproof.services.content.LayerContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The built-in layer templates in {@code services/templates/}: the three service types of domain
 * reference §5, each proposing SLOs, data flows, failure responses, evidence and risks, plus an
 * empty custom template. A template only fills a new layer's first draft; it is edited from there.
 */
@Component
public class LayerTemplates {

    public static final String CUSTOM = "custom";

    /** A template's key, names in both languages, and the content it proposes. */
    public record Template(String key, String name, String zh, LayerContent content) {}

    private record File(String name, String zh, LayerContent content) {}

    private static final List<String> KEYS =
            List.of("ai-remote-quality-inspection", "cloud-om-predictive-maintenance", "warehouse-saas");

    private final Map<String, Template> templates = new LinkedHashMap<>();

    LayerTemplates() {
        YAMLMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        for (String key : KEYS) {
            try (InputStream in =
                    getClass().getClassLoader().getResourceAsStream("services/templates/" + key + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("missing layer template " + key);
                }
                File file = yaml.readValue(in, File.class);
                templates.put(key, new Template(key, file.name(), file.zh(), file.content()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        templates.put(
                CUSTOM,
                new Template(
                        CUSTOM,
                        "Custom service",
                        "自定义服务",
                        new LayerContent(null, null, null, null, null, null, null, null)));
    }

    public List<Template> all() {
        return List.copyOf(templates.values());
    }

    public Template get(String key) {
        Template template = templates.get(key);
        if (template == null) {
            throw new IllegalArgumentException(
                    "unknown template '" + key + "' (use one of " + String.join(", ", templates.keySet()) + ")");
        }
        return template;
    }
}
