package io.serviceproof.evidence.people;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.Phrase;
import io.serviceproof.evidence.ServiceLayerLookup;
import io.serviceproof.evidence.Vault;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.UserActionTrail;
import io.serviceproof.identity.users.UserAccounts;
import io.serviceproof.identity.users.UserId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technicians and what qualifies them: record training and certifications, define the tasks of a
 * service layer that need a qualification, authorise technicians for them, and read the competence
 * matrix that says whether each authorisation is still backed by a current qualification.
 */
@Service
public class People {

    private final PeopleRows rows;
    private final Vault vault;
    private final UserAccounts users;
    private final ObjectProvider<ServiceLayerLookup> layers;
    private final UserActionTrail trail;
    private final Clock clock;

    People(
            PeopleRows rows,
            Vault vault,
            UserAccounts users,
            ObjectProvider<ServiceLayerLookup> layers,
            UserActionTrail trail,
            Clock clock) {
        this.rows = rows;
        this.vault = vault;
        this.users = users;
        this.layers = layers;
        this.trail = trail;
        this.clock = clock;
    }

    public List<Technician> technicians() {
        return rows.technicians();
    }

    public Technician technician(String id) {
        return rows.technician(id).orElseThrow(() -> new NotFoundException("Technician", id));
    }

    @Transactional
    public Technician addTechnician(String name, String email, String employer, List<String> roles, String userId) {
        require(name, "name", 200);
        if (userId != null && !userId.isBlank()) {
            try {
                users.get(UserId.valueOf(userId.strip()));
            } catch (RuntimeException e) {
                throw new InvalidInputException("userId", "no user with this id in your organisation");
            }
        }
        Technician technician = new Technician(
                UUID.randomUUID().toString(),
                name.strip(),
                email == null ? "" : email.strip(),
                employer == null ? "" : employer.strip(),
                roles == null
                        ? List.of()
                        : roles.stream()
                                .map(String::strip)
                                .filter(r -> !r.isEmpty())
                                .toList(),
                userId == null || userId.isBlank() ? null : userId.strip(),
                true,
                clock.instant());
        rows.insert(technician);
        trail.record("people.technician.added", "technician", technician.id(), technician.name());
        return technician;
    }

    public List<Qualification> qualificationsOf(String technicianId) {
        technician(technicianId);
        return rows.qualificationsOf(technicianId);
    }

    @Transactional
    public Qualification addQualification(String technicianId, NewQualification q) {
        technician(technicianId);
        if (q.kind() == null) {
            throw new InvalidInputException("kind", "training or certification");
        }
        require(q.name(), "name", 200);
        if (q.obtainedOn() == null) {
            throw new InvalidInputException("obtainedOn", "the date it was obtained, YYYY-MM-DD");
        }
        if (q.validUntil() != null && q.validUntil().isBefore(q.obtainedOn())) {
            throw new InvalidInputException("validUntil", "must not be before the date it was obtained");
        }
        if (q.kind() == Qualification.Kind.CERTIFICATION
                && (q.issuer() == null || q.issuer().isBlank())) {
            throw new InvalidInputException("issuer", "a certification names its issuer");
        }
        if (q.evidenceId() != null && !q.evidenceId().isBlank()) {
            try {
                vault.detail(q.evidenceId().strip());
            } catch (NotFoundException e) {
                throw new InvalidInputException("evidenceId", "no evidence with this id in your vault");
            }
        }
        Qualification qualification = new Qualification(
                UUID.randomUUID().toString(),
                technicianId,
                q.kind(),
                q.name().strip(),
                strip(q.issuer()),
                strip(q.number()),
                strip(q.scope()),
                q.obtainedOn(),
                q.validUntil(),
                q.evidenceId() == null || q.evidenceId().isBlank()
                        ? null
                        : q.evidenceId().strip(),
                clock.instant(),
                Tenancy.actor().name());
        rows.insert(qualification);
        trail.record(
                "people.qualification.added",
                "technician",
                technicianId,
                Phrase.of(
                        "trail.detail.qualification",
                        Phrase.term("people.kind." + q.kind().name()),
                        qualification.name(),
                        q.validUntil()));
        return qualification;
    }

    /** A task of a layer that only someone qualified for {@code requiredScope} may do. */
    @Transactional
    public LayerTask addTask(String layerId, String task, String requiredScope) {
        layerName(layerId);
        require(task, "task", 200);
        require(requiredScope, "requiredScope", 200);
        if (rows.taskExists(layerId, task.strip())) {
            throw new ConflictException("The layer already has the task '" + task.strip() + "'");
        }
        LayerTask created = new LayerTask(UUID.randomUUID().toString(), layerId, task.strip(), requiredScope.strip());
        rows.insert(created, clock.instant());
        trail.record(
                "people.task.added",
                "service-layer",
                layerId,
                Phrase.of("trail.detail.task-needs", created.task(), created.requiredScope()));
        return created;
    }

    @Transactional
    public Authorisation authorise(String technicianId, String taskId) {
        Technician technician = technician(technicianId);
        LayerTask task = rows.task(taskId).orElseThrow(() -> new InvalidInputException("taskId", "no such task"));
        if (rows.authorisations().stream()
                .anyMatch(
                        a -> a.technicianId().equals(technicianId) && a.taskId().equals(taskId))) {
            throw new ConflictException(technician.name() + " is already authorised for " + task.task());
        }
        Authorisation authorisation = new Authorisation(
                UUID.randomUUID().toString(),
                technicianId,
                taskId,
                clock.instant(),
                Tenancy.actor().name());
        rows.insert(authorisation);
        trail.record("people.authorised", "technician", technicianId, task.task());
        return authorisation;
    }

    @Transactional
    public void revoke(String technicianId, String authorisationId) {
        technician(technicianId);
        if (!rows.deleteAuthorisation(technicianId, authorisationId)) {
            throw new NotFoundException("Authorisation", authorisationId);
        }
        trail.record("people.authorisation.revoked", "technician", technicianId, authorisationId);
    }

    public List<Authorisation> authorisationsOf(String technicianId) {
        technician(technicianId);
        return rows.authorisations().stream()
                .filter(a -> a.technicianId().equals(technicianId))
                .toList();
    }

    public Optional<LayerTask> task(String id) {
        return rows.task(id);
    }

    /** Every task of every layer, for authorising a technician from their own page. */
    public List<LayerTask> allTasks() {
        return rows.allTasks();
    }

    public List<LayerTask> tasks(String layerId) {
        layerName(layerId);
        return rows.tasks(layerId);
    }

    /** Who may do what on the layer, and whether a current qualification backs it, on {@code day}. */
    public CompetenceMatrix matrix(String layerId, LocalDate day) {
        List<LayerTask> tasks = tasks(layerId);
        Set<String> taskIds = tasks.stream().map(LayerTask::id).collect(Collectors.toSet());
        List<Authorisation> authorisations = rows.authorisations().stream()
                .filter(a -> taskIds.contains(a.taskId()))
                .toList();
        Map<String, List<Qualification>> qualifications =
                rows.qualifications().stream().collect(Collectors.groupingBy(Qualification::technicianId));
        Set<String> involved =
                authorisations.stream().map(Authorisation::technicianId).collect(Collectors.toSet());
        List<CompetenceMatrix.Row> matrixRows = rows.technicians().stream()
                .filter(t -> t.active() || involved.contains(t.id()))
                .map(t -> {
                    Map<String, CompetenceMatrix.Cell> cells = new LinkedHashMap<>();
                    for (LayerTask task : tasks) {
                        boolean authorised = authorisations.stream()
                                .anyMatch(a -> a.technicianId().equals(t.id())
                                        && a.taskId().equals(task.id()));
                        Optional<Qualification> basis = qualifications.getOrDefault(t.id(), List.of()).stream()
                                .filter(q -> q.covers(task.requiredScope()) && q.currentOn(day))
                                .max(Comparator.comparing(
                                        q -> q.validUntil() == null ? LocalDate.MAX : q.validUntil()));
                        cells.put(
                                task.id(),
                                new CompetenceMatrix.Cell(
                                        authorised, authorised && basis.isPresent(), basis.orElse(null)));
                    }
                    return new CompetenceMatrix.Row(t, cells);
                })
                .toList();
        return new CompetenceMatrix(layerId, tasks, matrixRows);
    }

    /** Qualifications whose validity ends within {@code days} days from today (or already ended), soonest first. */
    public List<Qualification> endingWithin(int days) {
        return rows.endingBy(today().plusDays(days));
    }

    public String layerName(String layerId) {
        ServiceLayerLookup lookup = layers.getIfAvailable();
        return (lookup == null ? Optional.<String>empty() : lookup.layerName(layerId))
                .orElseThrow(() -> new NotFoundException("Service layer", layerId));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static void require(String value, String field, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new InvalidInputException(field, "1 to " + max + " characters");
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }
}
