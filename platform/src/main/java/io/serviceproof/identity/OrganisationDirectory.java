package io.serviceproof.identity;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates tenants and finds them by slug; the acting organisation is {@link #current()}. */
@Service
public class OrganisationDirectory {

    /** A slug becomes part of URLs and of the log origin line, so it is kept to a safe alphabet. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");

    private final Organisations organisations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    OrganisationDirectory(Organisations organisations, Clock clock, ApplicationEventPublisher events) {
        this.organisations = organisations;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Organisation create(String slug, String name, String description, boolean logPublic) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "use 1-40 lower-case letters, digits and inner hyphens");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (organisations.findBySlug(slug).isPresent()) {
            throw new ConflictException("An organisation with slug '" + slug + "' already exists");
        }
        Organisation organisation = new Organisation(
                OrganisationId.random(),
                slug,
                name.strip(),
                description == null ? "" : description,
                logPublic,
                clock.instant());
        organisations.insert(organisation);
        events.publishEvent(new OrganisationCreated(organisation));
        return organisation;
    }

    public Optional<Organisation> findBySlug(String slug) {
        return organisations.findBySlug(slug);
    }

    public Optional<Organisation> findById(OrganisationId id) {
        return organisations.findById(id);
    }

    public Organisation requireBySlug(String slug) {
        return findBySlug(slug).orElseThrow(() -> new NotFoundException("Organisation", slug));
    }

    public List<Organisation> all() {
        return organisations.findAll();
    }

    /** The organisation the current request acts for. */
    public Organisation current() {
        OrganisationId id = Tenancy.organisationId();
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }
}
