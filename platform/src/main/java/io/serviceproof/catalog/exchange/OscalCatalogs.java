package io.serviceproof.catalog.exchange;

import gov.nist.secauto.metaschema.binding.io.Format;
import gov.nist.secauto.metaschema.model.common.datatype.markup.MarkupLine;
import gov.nist.secauto.oscal.lib.OscalBindingContext;
import gov.nist.secauto.oscal.lib.model.Catalog;
import gov.nist.secauto.oscal.lib.model.CatalogGroup;
import gov.nist.secauto.oscal.lib.model.Control;
import gov.nist.secauto.oscal.lib.model.Metadata;
import gov.nist.secauto.oscal.lib.model.Profile;
import gov.nist.secauto.oscal.lib.model.ProfileImport;
import gov.nist.secauto.oscal.lib.model.ProfileSelectControlById;
import gov.nist.secauto.oscal.lib.model.Property;
import io.serviceproof.catalog.exchange.LibraryDocument.FrameworkEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.ProvenanceEntry;
import io.serviceproof.catalog.exchange.LibraryDocument.RequirementEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * OSCAL catalog and profile JSON, through NIST's liboscal-java. Our additions travel as properties
 * in our namespace: the clause label (OSCAL ids must start with a letter, clause ids often do not),
 * the Chinese title, the expected evidence types, provenance and the framework key.
 */
public final class OscalCatalogs {

    public static final URI NS = URI.create("https://serviceproof.io/ns/oscal");
    public static final String OSCAL_VERSION = "1.1.2";

    private OscalCatalogs() {}

    /** Reads an OSCAL catalog into one framework; {@code key}/{@code edition} override the metadata. */
    public static FrameworkEntry readCatalog(String json) {
        OscalSchemas.requireValid("catalog", json);
        Catalog catalog = bind(json, Catalog.class);
        Metadata metadata = catalog.getMetadata();
        String title = readTitle(metadata.getTitle(), "#/catalog/metadata/title");
        Map<String, String> props = ourProps(metadata.getProps());
        List<RequirementEntry> requirements = new ArrayList<>();
        for (CatalogGroup group : list(catalog.getGroups())) {
            addGroup(group, null, requirements);
        }
        for (Control control : list(catalog.getControls())) {
            addControl(control, null, requirements);
        }
        requireUniqueRefs(requirements);
        return new FrameworkEntry(
                props.getOrDefault("key", slug(title)),
                title,
                props.getOrDefault("edition", metadata.getVersion()),
                props.getOrDefault("kind", "standard"),
                props.getOrDefault("publisher", ""),
                props.getOrDefault("jurisdiction", ""),
                props.getOrDefault("status", "current"),
                props.getOrDefault("summary", ""),
                new ProvenanceEntry(
                        props.getOrDefault("provenance", "S"),
                        props.getOrDefault("source", "OSCAL catalog " + catalog.getUuid()),
                        null,
                        props.get("reviewed-by"),
                        props.get("reviewed-on")),
                requirements);
    }

    /** The control ids a profile selects, and the href of the catalog it selects them from. */
    public record ProfileSelection(
            String title, String version, String href, List<String> controlIds, Map<String, String> props) {}

    public static ProfileSelection readProfile(String json) {
        OscalSchemas.requireValid("profile", json);
        Profile profile = bind(json, Profile.class);
        List<ProfileImport> imports = list(profile.getImports());
        if (imports.size() != 1) {
            throw new RejectedDocumentException(
                    "#/profile/imports", "a profile must import exactly one catalog (found " + imports.size() + ")");
        }
        ProfileImport only = imports.get(0);
        List<String> ids = new ArrayList<>();
        for (ProfileSelectControlById select : list(only.getIncludeControls())) {
            ids.addAll(list(select.getWithIds()));
        }
        if (ids.isEmpty()) {
            throw new RejectedDocumentException(
                    "#/profile/imports/0",
                    "select controls with include-controls/with-ids; include-all is not supported");
        }
        Metadata metadata = profile.getMetadata();
        return new ProfileSelection(
                unescape(metadata.getTitle().toMarkdown()).strip(),
                metadata.getVersion(),
                only.getHref().toString(),
                ids,
                ourProps(metadata.getProps()));
    }

    public static String writeCatalog(FrameworkEntry framework, String uuid, ZonedDateTime lastModified) {
        Catalog catalog = new Catalog();
        catalog.setUuid(UUID.fromString(uuid));
        catalog.setMetadata(metadata(framework, lastModified));
        Map<String, List<RequirementEntry>> children = new HashMap<>();
        List<RequirementEntry> roots = new ArrayList<>();
        for (RequirementEntry requirement : framework.requirements()) {
            if (requirement.parent() == null) {
                roots.add(requirement);
            } else {
                children.computeIfAbsent(requirement.parent(), k -> new ArrayList<>())
                        .add(requirement);
            }
        }
        List<Control> controls = new ArrayList<>();
        for (RequirementEntry root : roots) {
            controls.add(control(root, children));
        }
        catalog.setControls(controls);
        return serialize(catalog, Catalog.class);
    }

    public static String writeProfile(
            FrameworkEntry profile, String uuid, String baseCatalogUuid, List<String> selectedRefs, ZonedDateTime at) {
        Profile document = new Profile();
        document.setUuid(UUID.fromString(uuid));
        document.setMetadata(metadata(profile, at));
        ProfileImport imported = new ProfileImport();
        imported.setHref(URI.create("urn:uuid:" + baseCatalogUuid));
        ProfileSelectControlById select = new ProfileSelectControlById();
        select.setWithIds(selectedRefs.stream().map(OscalCatalogs::oscalId).toList());
        imported.setIncludeControls(List.of(select));
        document.setImports(List.of(imported));
        return serialize(document, Profile.class);
    }

    /** OSCAL ids start with a letter and hold letters, digits, '.', '-', '_'. */
    public static String oscalId(String ref) {
        String id = ref.replaceAll("[^\\p{L}\\p{N}.\\-_]", "_");
        return Character.isLetter(id.charAt(0)) || id.charAt(0) == '_' ? id : "r-" + id;
    }

    private static Metadata metadata(FrameworkEntry framework, ZonedDateTime lastModified) {
        Metadata metadata = new Metadata();
        metadata.setTitle(MarkupLine.fromMarkdown(escape(framework.name())));
        metadata.setLastModified(lastModified);
        metadata.setVersion(framework.edition());
        metadata.setOscalVersion(OSCAL_VERSION);
        List<Property> props = new ArrayList<>();
        props.add(prop("key", framework.key(), null));
        props.add(prop("edition", framework.edition(), null));
        props.add(prop("kind", framework.kind(), null));
        addIfPresent(props, "publisher", framework.publisher());
        addIfPresent(props, "jurisdiction", framework.jurisdiction());
        addIfPresent(props, "status", framework.status());
        addIfPresent(props, "summary", framework.summary());
        if (framework.provenance() != null) {
            props.add(prop("provenance", framework.provenance().tag(), null));
            addIfPresent(props, "source", framework.provenance().source());
            addIfPresent(props, "reviewed-by", framework.provenance().reviewedBy());
            addIfPresent(props, "reviewed-on", framework.provenance().reviewedOn());
        }
        metadata.setProps(props);
        return metadata;
    }

    private static Control control(RequirementEntry requirement, Map<String, List<RequirementEntry>> children) {
        Control control = new Control();
        control.setId(oscalId(requirement.ref()));
        control.setClazz(requirement.kind() == null ? null : requirement.kind().replaceAll("[^A-Za-z0-9_.\\-]", "-"));
        control.setTitle(MarkupLine.fromMarkdown(escape(requirement.title())));
        List<Property> props = new ArrayList<>();
        Property label = new Property();
        label.setName("label");
        label.setValue(requirement.ref());
        props.add(label);
        if (requirement.zh() != null && !requirement.zh().isBlank()) {
            props.add(prop("title-zh", requirement.zh(), "zh-CN"));
        }
        for (String evidence : requirement.evidence()) {
            props.add(prop("evidence-type", evidence, null));
        }
        if (requirement.provenance() != null) {
            props.add(prop("provenance", requirement.provenance().tag(), null));
        }
        control.setProps(props);
        // OSCAL expects a statement part. Standards' text is copyrighted, so ours states only the
        // paraphrased title and says where the normative text is.
        gov.nist.secauto.oscal.lib.model.ControlPart statement = new gov.nist.secauto.oscal.lib.model.ControlPart();
        statement.setId(control.getId() + "_smt");
        statement.setName("statement");
        statement.setProse(gov.nist.secauto.metaschema.model.common.datatype.markup.MarkupMultiline.fromMarkdown(
                escape(requirement.title()) + " (our paraphrase; the normative text is in the published document)."));
        control.setParts(List.of(statement));
        List<Control> nested = new ArrayList<>();
        for (RequirementEntry child : children.getOrDefault(requirement.ref(), List.of())) {
            nested.add(control(child, children));
        }
        if (!nested.isEmpty()) {
            control.setControls(nested);
        }
        return control;
    }

    private static void addGroup(CatalogGroup group, String parent, List<RequirementEntry> out) {
        String ref = label(group.getProps()).orElse(group.getId() == null ? "g" + out.size() : group.getId());
        out.add(entry(
                ref,
                parent,
                group.getClazz() == null ? "group" : group.getClazz(),
                group.getTitle(),
                group.getProps()));
        for (CatalogGroup child : list(group.getGroups())) {
            addGroup(child, ref, out);
        }
        for (Control control : list(group.getControls())) {
            addControl(control, ref, out);
        }
    }

    private static void addControl(Control control, String parent, List<RequirementEntry> out) {
        String ref = label(control.getProps()).orElse(control.getId());
        out.add(entry(
                ref,
                parent,
                control.getClazz() == null ? "control" : control.getClazz(),
                control.getTitle(),
                control.getProps()));
        for (Control child : list(control.getControls())) {
            addControl(child, ref, out);
        }
    }

    private static RequirementEntry entry(
            String ref, String parent, String kind, MarkupLine title, List<Property> props) {
        List<String> evidence = new ArrayList<>();
        String zh = null;
        String provenance = null;
        for (Property prop : list(props)) {
            if (!NS.equals(prop.getNs())) {
                continue;
            }
            switch (prop.getName()) {
                case "evidence-type" -> evidence.add(prop.getValue());
                case "title-zh" -> zh = prop.getValue();
                case "provenance" -> provenance = prop.getValue();
                default -> {}
            }
        }
        return new RequirementEntry(
                ref,
                parent,
                kind,
                readTitle(title, "title of " + ref),
                zh,
                evidence,
                provenance == null ? null : ProvenanceEntry.unreviewed(provenance, null));
    }

    /**
     * Every group and control is one requirement, found by its ref: two with one ref (a group and a
     * control both "g1") would make one the other's parent, a cycle no export could write.
     */
    private static void requireUniqueRefs(List<RequirementEntry> requirements) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (RequirementEntry requirement : requirements) {
            if (!seen.add(requirement.ref())) {
                throw new RejectedDocumentException(
                        "ref " + requirement.ref(), "two groups or controls have this id or label; each needs its own");
            }
        }
    }

    /**
     * A title as plain text. Markup that leaves no text (a lone "&gt;" is a Markdown block quote) is
     * refused here: stored as an empty title it could never be exported as valid OSCAL again.
     */
    private static String readTitle(MarkupLine title, String where) {
        String text = unescape(title.toMarkdown()).strip();
        if (text.isEmpty()) {
            throw new RejectedDocumentException(where, "the title has no text once its markup is read");
        }
        return text;
    }

    private static Optional<String> label(List<Property> props) {
        return list(props).stream()
                .filter(p -> "label".equals(p.getName()) && p.getNs() == null)
                .map(Property::getValue)
                .findFirst();
    }

    private static Map<String, String> ourProps(List<Property> props) {
        Map<String, String> values = new HashMap<>();
        for (Property prop : list(props)) {
            if (NS.equals(prop.getNs())) {
                values.put(prop.getName(), prop.getValue());
            }
        }
        return values;
    }

    private static Property prop(String name, String value, String clazz) {
        Property prop = new Property();
        prop.setName(name);
        prop.setNs(NS);
        prop.setValue(value);
        prop.setClazz(clazz);
        return prop;
    }

    private static void addIfPresent(List<Property> props, String name, String value) {
        if (value != null && !value.isBlank()) {
            props.add(prop(name, value, null));
        }
    }

    private static <T> T bind(String json, Class<T> type) {
        try {
            return OscalBindingContext.instance()
                    .newDeserializer(Format.JSON, type)
                    .deserialize(
                            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), URI.create("urn:upload"));
        } catch (IOException | RuntimeException e) {
            throw new RejectedDocumentException("#", "the OSCAL document cannot be read: " + e.getMessage());
        }
    }

    private static <T> String serialize(T document, Class<T> type) {
        StringWriter out = new StringWriter();
        try {
            OscalBindingContext.instance().newSerializer(Format.JSON, type).serialize(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Titles are plain text; markup-line is Markdown, so its special characters are escaped. */
    private static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#])", "\\\\$1");
    }

    private static String unescape(String markdown) {
        return markdown.replaceAll("\\\\([\\\\`*_\\[\\]<>#&!().+\\-{}|~\"'])", "$1");
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    /** A framework key from a title: lower-case letters, digits and hyphens. */
    public static String slug(String title) {
        String slug =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "imported" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}
