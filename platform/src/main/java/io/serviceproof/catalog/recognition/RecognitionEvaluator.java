package io.serviceproof.catalog.recognition;

import io.serviceproof.common.Phrase;
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
                    "acceptance-rule", false, Phrase.of("recognition.says.noRule", result.frameworkKey(), market)));
            return new RecognitionVerdict(
                    market,
                    result.key(),
                    RecognitionVerdict.Outcome.NOT_RECOGNISED,
                    checks,
                    List.of(),
                    Phrase.of("recognition.says.noRuleStatement", market));
        }
        AcceptanceRule rule = found.get();
        List<String> ruleRows = rowsOf(rule);
        checks.add(validity(result, on));
        checks.add(new RecognitionCheck(
                        "kind",
                        rule.accepts().contains(result.kind()),
                        Phrase.of(
                                "recognition.says.kind",
                                market,
                                String.join(", ", rule.accepts()),
                                Phrase.of("recognition.kind." + result.kind())))
                .restingOn(ruleRows));
        checks.add(edition(result, rule, market).restingOn(ruleRows));
        Optional<Accreditation> accreditation = accreditationFor(result, on);
        if (rule.requiresAccreditation()) {
            checks.add(accreditation
                    .map(a -> new RecognitionCheck(
                                    "accreditation",
                                    true,
                                    Phrase.of(
                                            "recognition.says.accredited",
                                            result.conformityBody(),
                                            a.accreditationBody(),
                                            a.scheme(),
                                            a.subScope(),
                                            a.number()))
                            .restingOn(rowsOf(a)))
                    .orElseGet(() -> new RecognitionCheck(
                            "accreditation",
                            false,
                            Phrase.of(
                                    "recognition.says.notAccredited",
                                    result.conformityBody(),
                                    on,
                                    standardNumber(result.frameworkKey())))));
        }
        if (rule.requiresArrangement() != null && !"none".equals(rule.requiresArrangement())) {
            checks.add(arrangement(rule, accreditation));
        }
        if (rule.requiresLocalRegistration()) {
            checks.add(new RecognitionCheck(
                            "local-registration",
                            result.registeredIn().contains(market),
                            result.registeredIn().contains(market)
                                    ? Phrase.of("recognition.says.registered", market)
                                    : Phrase.of("recognition.says.notRegistered", market))
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
    private static Phrase statement(
            RecognitionVerdict.Outcome outcome, AcceptanceRule rule, String market, List<String> rows) {
        String arrangement = rule.requiresArrangement() == null || "none".equals(rule.requiresArrangement())
                ? null
                : rule.requiresArrangement().replace('_', ' ');
        Phrase meaning = "regulation".equals(rule.basis())
                ? rule.note() == null
                        ? Phrase.of("recognition.says.meaning.regulation", market)
                        : Phrase.of("recognition.says.meaning.regulationNoted", market, rule.note())
                : arrangement != null
                        ? Phrase.of("recognition.says.meaning.arrangement", arrangement, market)
                        : Phrase.of("recognition.says.meaning.rule", market);
        return switch (outcome) {
            case RECOGNISED -> Phrase.of("recognition.says.recognised", meaning);
            case UNVERIFIED -> Phrase.of("recognition.says.unverified", meaning, String.join("; ", rows));
            case NOT_RECOGNISED -> Phrase.of("recognition.says.notRecognised", market);
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
        Phrase why = !active
                ? Phrase.of("recognition.says.status", result.status())
                : inDate
                        ? Phrase.of("recognition.says.valid", on, result.expires())
                        : Phrase.of("recognition.says.notValid", on);
        return new RecognitionCheck("validity", active && inDate, why);
    }

    private RecognitionCheck edition(ConformityResult result, AcceptanceRule rule, String market) {
        if (!result.frameworkEdition().equals(rule.frameworkEdition())) {
            return new RecognitionCheck(
                    "edition",
                    false,
                    Phrase.of(
                            "recognition.says.otherEdition",
                            market,
                            rule.frameworkEdition(),
                            result.frameworkEdition()));
        }
        if (!rule.requiresNationalAdoption()) {
            return new RecognitionCheck(
                    "edition", true, Phrase.of("recognition.says.edition", result.frameworkEdition()));
        }
        Optional<IdenticalAdoption> adoption = adoptions.stream()
                .filter(a -> a.country().equals(market)
                        && a.baseKey().equals(result.frameworkKey())
                        && a.baseEdition().equals(result.frameworkEdition()))
                .findFirst();
        return adoption.map(a -> new RecognitionCheck(
                                "edition",
                                true,
                                Phrase.of("recognition.says.adoption", a.nationalId(), a.baseEdition()))
                        .restingOn(rowsOf(a)))
                .orElseGet(() -> new RecognitionCheck(
                        "edition", false, Phrase.of("recognition.says.noAdoption", market, result.frameworkEdition())));
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
            return new RecognitionCheck("arrangement", false, Phrase.of("recognition.says.noAccreditation"));
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
                                a.level() == null
                                        ? Phrase.of(
                                                "recognition.says.signatory",
                                                body,
                                                a.arrangement().replace('_', ' '))
                                        : Phrase.of(
                                                "recognition.says.signatoryAtLevel",
                                                body,
                                                a.arrangement().replace('_', ' '),
                                                a.level(),
                                                a.scope()))
                        .restingOn(rowsOf(a)))
                .orElseGet(() -> new RecognitionCheck(
                        "arrangement",
                        false,
                        rule.requiresLevel() == null
                                ? Phrase.of(
                                        "recognition.says.notSignatory",
                                        body,
                                        rule.requiresArrangement().replace('_', ' '))
                                : Phrase.of(
                                        "recognition.says.notSignatoryAtLevel",
                                        body,
                                        rule.requiresArrangement().replace('_', ' '),
                                        rule.requiresLevel(),
                                        standard)));
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
