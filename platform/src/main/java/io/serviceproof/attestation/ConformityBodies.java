package io.serviceproof.attestation;

import io.serviceproof.catalog.Catalog;
import io.serviceproof.catalog.Recorded;
import io.serviceproof.catalog.recognition.Arrangement;
import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.OrganisationDirectory;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations as conformity-assessment bodies: registration with what they do, their
 * accreditations, and each accreditation body's standing in the multilateral arrangements (IAF MLA,
 * ILAC MRA) as the viewer's recognition layer records it.
 */
@Service
public class ConformityBodies {

    /** The accreditation standards a body's accreditation can be under. */
    public static final List<String> SCHEMES =
            List.of("ISO/IEC 17021-1", "ISO/IEC 17065", "ISO/IEC 17020", "ISO/IEC 17025");

    private static final Pattern FRAMEWORK_KEY = Pattern.compile("[a-z0-9][a-z0-9.-]{1,80}");

    /** An accreditation body's place in an arrangement, and whether a reviewer confirmed it. */
    public record Standing(String arrangement, Integer level, String status, String scope, boolean verified) {}

    /** An accreditation with the standing of its accreditation body. */
    public record AccreditationView(BodyAccreditation accreditation, List<Standing> standing, boolean validToday) {}

    /** A body as exporters and buyers see it, with the did:web its credentials are issued under. */
    public record BodyProfile(ConformityBody body, String did, List<AccreditationView> accreditations) {}

    public record NewAccreditation(
            String accreditationBody,
            String scheme,
            List<String> standards,
            List<String> sectors,
            String certificateNumber,
            LocalDate validFrom,
            LocalDate validTo,
            String evidenceUrl) {}

    private final BodyRows rows;
    private final OrganisationDirectory organisations;
    private final Catalog catalog;
    private final UserActionTrail trail;
    private final io.serviceproof.dossier.Credentials credentials;
    private final Clock clock;

    ConformityBodies(
            BodyRows rows,
            OrganisationDirectory organisations,
            Catalog catalog,
            io.serviceproof.dossier.Credentials credentials,
            UserActionTrail trail,
            Clock clock) {
        this.credentials = credentials;
        this.rows = rows;
        this.organisations = organisations;
        this.catalog = catalog;
        this.trail = trail;
        this.clock = clock;
    }

    /** Registers (or re-registers) the acting organisation as a body of the given kinds. */
    @Transactional
    public ConformityBody register(List<BodyKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            throw new InvalidInputException("kinds", "name at least one: certification, inspection, testing");
        }
        Organisation organisation = organisations.current();
        List<BodyKind> distinct = kinds.stream().distinct().sorted().toList();
        rows.register(organisation.id(), distinct, Tenancy.actor().name(), clock.instant());
        trail.record(
                "body.registered",
                "organisation",
                organisation.slug(),
                Phrase.of(
                        "trail.detail.list." + distinct.size(),
                        distinct.stream()
                                .map(k -> Phrase.term("body.kind." + k.token()))
                                .toArray()));
        return body(organisation).orElseThrow();
    }

    public Optional<ConformityBody> body(Organisation organisation) {
        return rows.kinds(organisation.id())
                .map(kinds -> new ConformityBody(
                        organisation.id(),
                        organisation.slug(),
                        organisation.name(),
                        kinds,
                        rows.registeredAt(organisation.id()).orElseThrow()));
    }

    /** The acting organisation as a body, if it is one. */
    public Optional<ConformityBody> current() {
        return body(organisations.current());
    }

    /** A body by slug, with its accreditations and their standing in the viewer's recognition layer. */
    public BodyProfile profile(String slug) {
        Organisation organisation = organisations
                .findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("Conformity-assessment body", slug));
        ConformityBody body =
                body(organisation).orElseThrow(() -> new NotFoundException("Conformity-assessment body", slug));
        LocalDate today = today();
        List<AccreditationView> views = rows.accreditations(organisation.id()).stream()
                .map(a -> new AccreditationView(a, standing(a.accreditationBody()), a.validOn(today)))
                .toList();
        return new BodyProfile(body, credentials.did(organisation), views);
    }

    public List<BodyAccreditation> accreditations(Organisation organisation) {
        return rows.accreditations(organisation.id());
    }

    /** Records an accreditation of the acting organisation, which must be a registered body. */
    @Transactional
    public BodyAccreditation addAccreditation(NewAccreditation request) {
        Organisation organisation = organisations.current();
        if (body(organisation).isEmpty()) {
            throw new ConflictException("Register the organisation as a conformity-assessment body first");
        }
        BodyAccreditation accreditation = validated(request, organisation);
        rows.insert(organisation.id(), accreditation);
        trail.record(
                "body.accreditation.recorded",
                "accreditation",
                accreditation.id(),
                Phrase.of(
                        "trail.detail.body-accreditation",
                        accreditation.scheme(),
                        accreditation.certificateNumber(),
                        accreditation.accreditationBody()));
        return accreditation;
    }

    /**
     * The accreditation body's places in multilateral arrangements, as the acting organisation's
     * recognition layer records them (an unknown body has none: its accreditations then carry no
     * standing a market can rely on).
     */
    public List<Standing> standing(String accreditationBody) {
        String name = accreditationBody.strip().toLowerCase(Locale.ROOT);
        return catalog.arrangements().stream()
                .filter(a -> a.record().body().toLowerCase(Locale.ROOT).equals(name))
                .map(ConformityBodies::standingOf)
                .toList();
    }

    private static Standing standingOf(Recorded<Arrangement> a) {
        return new Standing(
                a.record().arrangement(),
                a.record().level(),
                a.record().status(),
                a.record().scope(),
                a.provenance().verified());
    }

    private BodyAccreditation validated(NewAccreditation r, Organisation organisation) {
        String ab = required("accreditationBody", r.accreditationBody(), 200);
        if (r.scheme() == null || !SCHEMES.contains(r.scheme().strip())) {
            throw new InvalidInputException("scheme", "one of " + String.join(", ", SCHEMES));
        }
        List<String> standards = cleaned(r.standards());
        if (standards.isEmpty()) {
            throw new InvalidInputException("standards", "name the framework keys in scope, e.g. iso-iec-27001");
        }
        for (String key : standards) {
            if (!FRAMEWORK_KEY.matcher(key).matches()) {
                throw new InvalidInputException(
                        "standards", "'" + key + "' is not a framework key (lower-case, e.g. iso-iec-27001)");
            }
        }
        String number = required("certificateNumber", r.certificateNumber(), 80);
        if (r.validFrom() == null || r.validTo() == null || !r.validTo().isAfter(r.validFrom())) {
            throw new InvalidInputException("validTo", "give validFrom and a later validTo (YYYY-MM-DD)");
        }
        String url = required("evidenceUrl", r.evidenceUrl(), 500);
        try {
            URI uri = URI.create(url);
            if (!Set.of("https", "http")
                            .contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "evidenceUrl", "the accreditation body's public record of it, as an http(s) URL");
        }
        if (rows.numberTaken(organisation.id(), number)) {
            throw new ConflictException("An accreditation numbered " + number + " is already recorded");
        }
        return new BodyAccreditation(
                UUID.randomUUID().toString(),
                ab,
                r.scheme().strip(),
                standards,
                cleaned(r.sectors()),
                number,
                r.validFrom(),
                r.validTo(),
                url,
                Tenancy.actor().name(),
                clock.instant());
    }

    private static List<String> cleaned(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(v -> v == null ? "" : v.strip().replace(",", " "))
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidInputException(field, "required, up to " + max + " characters");
        }
        return value.strip();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
