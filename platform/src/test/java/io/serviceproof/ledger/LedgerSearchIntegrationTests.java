package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.OrganisationId;
import io.serviceproof.identity.Tenancy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Searching a log by event id, type and layer, newest first and page by page, gives what filtering
 * the whole log would: each filter is answered from its own index.
 */
@SpringBootTest
class LedgerSearchIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    OrganisationId organisation;
    List<EntryDraft> appended = new ArrayList<>();

    @BeforeEach
    void log() {
        organisation = TestLogs.newOrganisation(jdbc, "search");
        for (int i = 0; i < 600; i++) {
            String type = i % 100 == 7 ? "incident.opened" : i % 3 == 0 ? "trail.signed-in" : "heartbeat";
            String layer = i % 3 == 0 ? null : i % 2 == 0 ? "layer-a" : "layer-b";
            Map<String, Object> payload = type.equals("incident.opened")
                    ? Map.of("incidentId", "inc-" + i, "priority", "P3")
                    : Map.of("n", (long) i);
            appended.add(new EntryDraft(
                    "e-" + i, type, Instant.parse("2026-11-26T08:00:00Z"), layer, List.of(), payload, null));
        }
        ledger.appendAllFor(organisation, appended);
    }

    @Test
    void eachFilterAndTheirCombinationsFindWhatAScanOfTheLogWould() {
        for (String eventId : new String[] {null, "e-7", "e-8", "e-nope"}) {
            for (String type : new String[] {null, "heartbeat", "incident.opened", "none.such"}) {
                for (String layer : new String[] {null, "layer-a", "layer-b"}) {
                    for (long before : new long[] {600, 301, 8}) {
                        EntrySearch search = new EntrySearch(eventId, type, layer, before, 7);
                        assertThat(indexes(search))
                                .as("%s %s %s before %d", eventId, type, layer, before)
                                .isEqualTo(scan(search));
                    }
                }
            }
        }
    }

    @Test
    void pagingBackwardsThroughARareTypeVisitsEachOfItsEntriesOnce() {
        List<Long> seen = new ArrayList<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Long> page = indexes(new EntrySearch(null, "incident.opened", null, before, 2));
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            before = page.get(page.size() - 1);
        }
        assertThat(seen).containsExactly(507L, 407L, 307L, 207L, 107L, 7L);
    }

    private List<Long> indexes(EntrySearch search) {
        return Tenancy.callAs(Actor.system(organisation, "system:test"), () -> ledger.search(search)).stream()
                .map(LedgerEntry::index)
                .toList();
    }

    /** The same search done the obvious way, over every appended event. */
    private List<Long> scan(EntrySearch search) {
        List<Long> found = new ArrayList<>();
        for (int i = 0; i < appended.size(); i++) {
            EntryDraft draft = appended.get(i);
            if (i < search.beforeIndex()
                    && (search.eventId() == null || search.eventId().equals(draft.eventId()))
                    && (search.type() == null || search.type().equals(draft.type()))
                    && (search.serviceLayerId() == null
                            || Objects.equals(search.serviceLayerId(), draft.serviceLayerId()))) {
                found.add((long) i);
            }
        }
        return found.stream()
                .sorted(Comparator.reverseOrder())
                .limit(search.limit())
                .toList();
    }
}
