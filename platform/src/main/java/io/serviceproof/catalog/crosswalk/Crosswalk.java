package io.serviceproof.catalog.crosswalk;

import io.serviceproof.catalog.AdoptionDegree;
import io.serviceproof.catalog.MappingStatus;
import io.serviceproof.catalog.Relationship;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The crosswalk rules of NIST IR 8477 over one organisation's catalog, in memory:
 *
 * <ul>
 *   <li>only confirmed direct mappings count; proposed and rejected ones never do;
 *   <li>an identical (IDT) national adoption makes a national requirement equivalent to the base
 *       requirement with the same id, for the adopted edition only; MOD adoptions are only offered;
 *   <li>multi-hop paths are suggestions, labelled with their path, never stronger than their
 *       weakest link, and count only once someone confirms them as a direct mapping.
 * </ul>
 */
public final class Crosswalk {

    /** A requirement, with the framework edition it belongs to. */
    public record Node(String id, String frameworkId, String frameworkKey, String edition, String ref) {}

    /** A mapping row as the crosswalk sees it. */
    public record Edge(
            String mappingId,
            String sourceId,
            String targetId,
            Relationship relationship,
            Integer strength,
            MappingStatus status) {}

    /** A national adoption whose national framework is in the catalog. */
    public record AdoptionLink(
            String nationalId,
            String nationalKey,
            String nationalEdition,
            String baseKey,
            String baseEdition,
            AdoptionDegree degree) {}

    /**
     * One counted link: {@code by} covers {@code covered} this far, because of a confirmed mapping or
     * an identical adoption.
     */
    public record Link(
            String coveredId,
            String byId,
            Relationship byRelativeToCovered,
            Coverage coverage,
            Integer strength,
            String basis,
            String mappingId) {}

    /** A multi-hop (or MOD-adoption) inference, offered for confirmation. */
    public record Suggestion(
            String sourceId,
            String targetId,
            Relationship relationship,
            Coverage coverage,
            Integer strength,
            List<String> path,
            String basis) {}

    private static final int MAX_HOPS = 3;

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<Link>> counted = new HashMap<>();
    private final Set<String> anyMapping = new HashSet<>();
    private final List<Suggestion> adoptionOffers = new ArrayList<>();

    public Crosswalk(List<Node> nodes, List<Edge> edges, List<AdoptionLink> adoptions) {
        nodes.forEach(n -> this.nodes.put(n.id(), n));
        for (Edge edge : edges) {
            anyMapping.add(pairKey(edge.sourceId(), edge.targetId()));
            if (edge.status() != MappingStatus.CONFIRMED
                    || !this.nodes.containsKey(edge.sourceId())
                    || !this.nodes.containsKey(edge.targetId())) {
                continue;
            }
            // Stored once, read from both sides: the source covers the target by the stated
            // relationship, and the target covers the source by its inverse.
            add(new Link(
                    edge.targetId(),
                    edge.sourceId(),
                    edge.relationship(),
                    Coverage.of(edge.relationship()),
                    edge.strength(),
                    "mapping",
                    edge.mappingId()));
            add(new Link(
                    edge.sourceId(),
                    edge.targetId(),
                    edge.relationship().inverse(),
                    Coverage.of(edge.relationship().inverse()),
                    edge.strength(),
                    "mapping",
                    edge.mappingId()));
        }
        linkAdoptions(adoptions);
    }

    private void linkAdoptions(List<AdoptionLink> adoptions) {
        Map<String, Node> byFrameworkRef = new HashMap<>();
        for (Node node : nodes.values()) {
            byFrameworkRef.put(node.frameworkKey() + "@" + node.edition() + "#" + node.ref(), node);
        }
        for (AdoptionLink adoption : adoptions) {
            if (adoption.nationalKey() == null || adoption.degree() == AdoptionDegree.NEQ) {
                continue;
            }
            for (Node national : nodes.values()) {
                if (!national.frameworkKey().equals(adoption.nationalKey())
                        || !national.edition().equals(adoption.nationalEdition())) {
                    continue;
                }
                // The same clause id in the adopted edition, and in no other edition.
                Node base =
                        byFrameworkRef.get(adoption.baseKey() + "@" + adoption.baseEdition() + "#" + national.ref());
                if (base == null) {
                    continue;
                }
                String basis = adoption.nationalId() + " " + adoption.degree() + " " + adoption.baseKey() + ":"
                        + adoption.baseEdition();
                if (adoption.degree() == AdoptionDegree.IDT) {
                    add(new Link(base.id(), national.id(), Relationship.EQUIVALENT_TO, Coverage.FULL, 10, basis, null));
                    add(new Link(national.id(), base.id(), Relationship.EQUIVALENT_TO, Coverage.FULL, 10, basis, null));
                } else if (!anyMapping.contains(pairKey(national.id(), base.id()))) {
                    adoptionOffers.add(new Suggestion(
                            national.id(),
                            base.id(),
                            Relationship.INTERSECTS_WITH,
                            Coverage.PARTIAL,
                            null,
                            List.of(national.id(), base.id()),
                            basis + " (modified: check the stated deviations)"));
                }
            }
        }
    }

    private void add(Link link) {
        counted.computeIfAbsent(link.coveredId(), k -> new ArrayList<>()).add(link);
    }

    /** Every counted link that covers the requirement, strongest first. */
    public List<Link> coveredBy(String requirementId) {
        List<Link> links = new ArrayList<>(counted.getOrDefault(requirementId, List.of()));
        links.sort(Comparator.comparing(Link::coverage));
        return links;
    }

    /** How far {@code by} covers {@code covered} through counted links only (no inference). */
    public Coverage coverage(String coveredId, String byId) {
        return counted.getOrDefault(coveredId, List.of()).stream()
                .filter(l -> l.byId().equals(byId))
                .map(Link::coverage)
                .reduce(Coverage.NONE, Coverage::strongest);
    }

    /** Coverage of framework A's requirements by framework B's, for the comparison page. */
    public CoverageMatrix compare(String frameworkA, String frameworkB) {
        List<CoverageMatrix.Row> rows = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (!node.frameworkId().equals(frameworkA)) {
                continue;
            }
            List<Link> links = counted.getOrDefault(node.id(), List.of()).stream()
                    .filter(l -> nodes.get(l.byId()).frameworkId().equals(frameworkB))
                    .sorted(Comparator.comparing(Link::coverage))
                    .toList();
            Coverage best = links.stream().map(Link::coverage).reduce(Coverage.NONE, Coverage::strongest);
            rows.add(new CoverageMatrix.Row(node.id(), best, links));
        }
        return new CoverageMatrix(frameworkA, frameworkB, rows);
    }

    /**
     * Inferences not yet stated as a direct mapping (in any status), over up to three confirmed
     * hops, plus MOD-adoption offers. A rejected direct mapping suppresses its inference.
     */
    public List<Suggestion> suggestions(int limit) {
        List<Suggestion> found = new ArrayList<>(adoptionOffers);
        Set<String> offered = new HashSet<>();
        for (Node start : nodes.values()) {
            if (found.size() >= limit) {
                break;
            }
            explore(start, found, offered, limit);
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    /** Suggestions that start or end at one requirement. */
    public List<Suggestion> suggestionsFor(String requirementId) {
        Node start = nodes.get(requirementId);
        if (start == null) {
            return List.of();
        }
        List<Suggestion> found = new ArrayList<>();
        adoptionOffers.stream()
                .filter(s -> s.sourceId().equals(requirementId) || s.targetId().equals(requirementId))
                .forEach(found::add);
        explore(start, found, new HashSet<>(), Integer.MAX_VALUE);
        return found;
    }

    private record Path(
            String at, Relationship relationship, Coverage coverage, Integer strength, List<String> nodes) {}

    private void explore(Node start, List<Suggestion> found, Set<String> offered, int limit) {
        Deque<Path> queue = new ArrayDeque<>();
        queue.add(new Path(start.id(), Relationship.EQUAL_TO, Coverage.FULL, 10, List.of(start.id())));
        Set<String> reached = new HashSet<>(Set.of(start.id()));
        while (!queue.isEmpty() && found.size() < limit) {
            Path path = queue.removeFirst();
            if (path.nodes().size() > MAX_HOPS) {
                continue;
            }
            // Links say how "by" covers "at"; walking from at to by means at relative to by.
            for (Link link : counted.getOrDefault(path.at(), List.of())) {
                String next = link.byId();
                if (!reached.add(next)) {
                    continue;
                }
                Relationship hop = link.byRelativeToCovered().inverse();
                Relationship composed = compose(path.relationship(), hop);
                Coverage coverage = path.coverage().weakest(link.coverage());
                Integer strength = path.strength() == null || link.strength() == null
                        ? null
                        : Math.min(path.strength(), link.strength());
                List<String> walked = new ArrayList<>(path.nodes());
                walked.add(next);
                Path extended = new Path(next, composed, coverage, strength, List.copyOf(walked));
                queue.addLast(extended);
                if (walked.size() < 3 || composed == Relationship.NO_RELATIONSHIP) {
                    continue;
                }
                Node end = nodes.get(next);
                if (end.frameworkId().equals(start.frameworkId())
                        || anyMapping.contains(pairKey(start.id(), next))
                        || counted.getOrDefault(start.id(), List.of()).stream()
                                .anyMatch(l -> l.byId().equals(next))) {
                    continue;
                }
                if (offered.add(pairKey(start.id(), next))) {
                    found.add(new Suggestion(
                            start.id(), next, composed, coverage, strength, extended.nodes(), "derived"));
                }
            }
        }
    }

    /**
     * What a chain says about its ends. Equality passes the other hop through; two subsets (or two
     * supersets) chain; anything else says no more than "they intersect".
     */
    static Relationship compose(Relationship first, Relationship second) {
        if (first == Relationship.NO_RELATIONSHIP || second == Relationship.NO_RELATIONSHIP) {
            return Relationship.NO_RELATIONSHIP;
        }
        if (isEquality(first)) {
            return second;
        }
        if (isEquality(second)) {
            return first;
        }
        if (first == second && (first == Relationship.SUBSET_OF || first == Relationship.SUPERSET_OF)) {
            return first;
        }
        return Relationship.INTERSECTS_WITH;
    }

    private static boolean isEquality(Relationship relationship) {
        return relationship == Relationship.EQUAL_TO || relationship == Relationship.EQUIVALENT_TO;
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
