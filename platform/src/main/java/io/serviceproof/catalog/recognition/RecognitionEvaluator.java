package io.serviceproof.catalog.recognition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a conformity result counts in a market (domain reference §4.4). All of these must
 * hold: the result is valid and of a kind the market accepts; its edition is the one the market
 * relies on (the identical national adoption, when the market relies on one); its body is
 * accredited for that exact sub-scope; the accreditation body is a signatory, at the required
 * level, of the arrangement the market relies on; and any local registration is done. ISO and IEC
 * themselves recognise nobody, so nothing here is "recognised by ISO".
 */
public final class RecognitionEvaluator {

    /** Identical national adoptions known to the catalog: country, base key, base edition. */
    public record IdenticalAdoption(String country, String baseKey, String baseEdition, String nationalId) {}

    private final List<AcceptanceRule> rules;
    private final List<Accreditation> accreditations;
    private final List<Arrangement> arrangements;
    private final List<IdenticalAdoption> adoptions;
    private final java.util.Map<Object, String> unverified;

    /** An evaluator over rows that are all confirmed against their sources. */
    public RecognitionEvaluator(
            List<AcceptanceRule> rules,
            List<Accreditation> accreditations,
            List<Arrangement> arrangements,
            List<IdenticalAdoption> adoptions) {
        this(rules, accreditations, arrangements, adoptions, java.util.Map.of());
    }

    /**
     * An evaluator that knows which rows no reviewer has confirmed: {@code unverified} maps such a
     * row (by identity) to how a verdict names it.
     */
    public RecognitionEvaluator(
            List<AcceptanceRule> rules,
            List<Accreditation> accreditations,
            List<Arrangement> arrangements,
            List<IdenticalAdoption> adoptions,
            java.util.Map<Object, String> unverified) {
        this.rules = List.copyOf(rules);
        this.accreditations = List.copyOf(accreditations);
        this.arrangements = List.copyOf(arrangements);
        this.adoptions = List.copyOf(adoptions);
        this.unverified = new java.util.IdentityHashMap<>(unverified);
    }

    public RecognitionVerdict evaluate(ConformityResult result, String market, LocalDate on) {
        List<RecognitionCheck> checks = new ArrayList<>();
        Optional<AcceptanceRule> found = rules.stream()
                .filter(r -> r.market().equals(market) && r.frameworkKey().equals(result.frameworkKey()))
                .findFirst();
        if (found.isEmpty()) {
            checks.add(new RecognitionCheck(
                    "acceptance-rule",
                    false,
                    "The catalog has no acceptance rule for " + result.frameworkKey() + " in " + market
                            + "; recognition there rests on the buyer alone."));
            return new RecognitionVerdict(
                    market,
                    result.key(),
                    RecognitionVerdict.Outcome.NOT_RECOGNISED,
                    checks,
                    List.of(),
                    "Not established: the catalog knows no rule for " + market + ".");
        }
        AcceptanceRule rule = found.get();
        List<String> ruleRows = rowsOf(rule);
        checks.add(validity(result, on));
        checks.add(new RecognitionCheck(
                        "kind",
                        rule.accepts().contains(result.kind()),
                        market + " accepts " + String.join(", ", rule.accepts()) + "; this is a " + result.kind() + ".")
                .restingOn(ruleRows));
        checks.add(edition(result, rule, market).restingOn(ruleRows));
        Optional<Accreditation> accreditation = accreditationFor(result, on);
        if (rule.requiresAccreditation()) {
            checks.add(accreditation
                    .map(a -> new RecognitionCheck(
                                    "accreditation",
                                    true,
                                    result.conformityBody() + " is accredited by " + a.accreditationBody() + " ("
                                            + a.scheme() + ", " + a.subScope() + ", no. " + a.number() + ").")
                            .restingOn(rowsOf(a)))
                    .orElseGet(() -> new RecognitionCheck(
                            "accreditation",
                            false,
                            result.conformityBody() + " holds no accreditation valid on " + on + " for the sub-scope "
                                    + standardNumber(result.frameworkKey()) + ".")));
        }
        if (rule.requiresArrangement() != null && !"none".equals(rule.requiresArrangement())) {
            checks.add(arrangement(rule, accreditation));
        }
        if (rule.requiresLocalRegistration()) {
            checks.add(new RecognitionCheck(
                            "local-registration",
                            result.registeredIn().contains(market),
                            result.registeredIn().contains(market)
                                    ? "Registered in " + market + "."
                                    : market + " requires a local registration, which is not recorded.")
                    .restingOn(ruleRows));
        }
        boolean holds = checks.stream().allMatch(RecognitionCheck::holds);
        List<String> rows = checks.stream()
                .flatMap(c -> c.unverifiedRows().stream())
                .distinct()
                .toList();
        RecognitionVerdict.Outcome outcome = !holds
                ? RecognitionVerdict.Outcome.NOT_RECOGNISED
                : rows.isEmpty() ? RecognitionVerdict.Outcome.RECOGNISED : RecognitionVerdict.Outcome.UNVERIFIED;
        return new RecognitionVerdict(
                market, result.key(), outcome, checks, rows, statement(outcome, rule, market, rows));
    }

    /**
     * What the verdict means, worded as what it is: an arrangement (IAF MLA, ILAC MRA) binds
     * accreditation bodies to accept each other's accreditations, not regulators or buyers to accept
     * certificates; only a rule whose basis is a regulation says "required".
     */
    private static String statement(
            RecognitionVerdict.Outcome outcome, AcceptanceRule rule, String market, List<String> rows) {
        String arrangement = rule.requiresArrangement() == null || "none".equals(rule.requiresArrangement())
                ? null
                : rule.requiresArrangement().replace('_', ' ');
        String meaning = "regulation".equals(rule.basis())
                ? "meets what a regulation in " + market + " requires"
                        + (rule.note() == null ? "" : " (" + rule.note() + ")")
                : arrangement != null
                        ? "accreditation recognised under the " + arrangement + ": acceptance by buyers in " + market
                                + " is expected, not required by a regulation"
                        : "meets " + market + "'s recorded acceptance rule: acceptance by buyers is expected";
        return switch (outcome) {
            case RECOGNISED -> "Recognised: " + meaning + ".";
            case UNVERIFIED ->
                "Not established: it would be recognised (" + meaning + "), but it rests on rows no "
                        + "reviewer has confirmed against their source: " + String.join("; ", rows)
                        + ". It does not count until they are reviewed.";
            case NOT_RECOGNISED -> "Not recognised in " + market + ": a condition below does not hold.";
        };
    }

    private List<String> rowsOf(Object row) {
        String description = unverified.get(row);
        return description == null ? List.of() : List.of(description);
    }

    private static RecognitionCheck validity(ConformityResult result, LocalDate on) {
        boolean active = "active".equals(result.status());
        boolean inDate = (result.issued() == null || !on.isBefore(result.issued()))
                && (result.expires() == null || on.isBefore(result.expires()));
        String why = !active
                ? "The result is " + result.status() + "."
                : inDate ? "Valid on " + on + " (expires " + result.expires() + ")." : "Not valid on " + on + ".";
        return new RecognitionCheck("validity", active && inDate, why);
    }

    private RecognitionCheck edition(ConformityResult result, AcceptanceRule rule, String market) {
        if (!result.frameworkEdition().equals(rule.frameworkEdition())) {
            return new RecognitionCheck(
                    "edition",
                    false,
                    market + " relies on edition " + rule.frameworkEdition() + "; the result is against "
                            + result.frameworkEdition() + ".");
        }
        if (!rule.requiresNationalAdoption()) {
            return new RecognitionCheck("edition", true, "Edition " + result.frameworkEdition() + " as required.");
        }
        Optional<IdenticalAdoption> adoption = adoptions.stream()
                .filter(a -> a.country().equals(market)
                        && a.baseKey().equals(result.frameworkKey())
                        && a.baseEdition().equals(result.frameworkEdition()))
                .findFirst();
        return adoption.map(a -> new RecognitionCheck(
                                "edition",
                                true,
                                a.nationalId() + " adopts edition " + a.baseEdition() + " identically (IDT).")
                        .restingOn(rowsOf(a)))
                .orElseGet(() -> new RecognitionCheck(
                        "edition",
                        false,
                        market + " relies on an identical national adoption, and none of edition "
                                + result.frameworkEdition() + " is known."));
    }

    private Optional<Accreditation> accreditationFor(ConformityResult result, LocalDate on) {
        String standard = standardNumber(result.frameworkKey());
        return accreditations.stream()
                .filter(a -> a.conformityBody().equals(result.conformityBody()))
                .filter(a -> a.subScope() != null && a.subScope().contains(standard))
                .filter(a -> result.accreditationNumber() == null
                        || result.accreditationNumber().isBlank()
                        || result.accreditationNumber().equals(a.number()))
                .filter(a -> a.validOn(on))
                .findFirst();
    }

    private RecognitionCheck arrangement(AcceptanceRule rule, Optional<Accreditation> accreditation) {
        if (accreditation.isEmpty()) {
            return new RecognitionCheck(
                    "arrangement", false, "Without an accreditation there is no accreditation body to check.");
        }
        String body = accreditation.get().accreditationBody();
        String standard = standardNumber(rule.frameworkKey());
        Optional<Arrangement> signatory = arrangements.stream()
                .filter(a -> a.body().equals(body) && a.arrangement().equals(rule.requiresArrangement()))
                .filter(Arrangement::signatory)
                .filter(a -> rule.requiresLevel() == null
                        || (a.level() != null && a.level() >= rule.requiresLevel() && a.covers(standard)))
                .findFirst();
        return signatory
                .map(a -> new RecognitionCheck(
                                "arrangement",
                                true,
                                body + " is a " + a.arrangement().replace('_', ' ') + " signatory"
                                        + (a.level() == null ? "" : " at level " + a.level() + " for " + a.scope())
                                        + ".")
                        .restingOn(rowsOf(a)))
                .orElseGet(() -> new RecognitionCheck(
                        "arrangement",
                        false,
                        body + " is not recorded as a "
                                + rule.requiresArrangement().replace('_', ' ') + " signatory"
                                + (rule.requiresLevel() == null
                                        ? ""
                                        : " at level " + rule.requiresLevel() + " for " + standard)
                                + "."));
    }

    /** iso-iec-27001 → "27001": what sub-scope and arrangement scope texts name. */
    static String standardNumber(String frameworkKey) {
        String[] parts = frameworkKey.split("-");
        for (String part : parts) {
            if (!part.isEmpty() && Character.isDigit(part.charAt(0))) {
                return part;
            }
        }
        return frameworkKey;
    }
}
