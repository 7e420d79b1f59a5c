package io.serviceproof.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event vocabulary on hand-written payloads: what passes, and what is named when it does not. */
class EventVocabularyTests {

    static void fails(String type, Map<String, Object> payload, String field) {
        assertThatThrownBy(() -> EventVocabulary.check(type, payload))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e ->
                        assertThat(((InvalidInputException) e).fieldErrors()).containsKey(field));
    }

    @Test
    void validPayloadsPassAndExtraFieldsAreAllowed() {
        assertThatCode(() -> EventVocabulary.check("heartbeat", Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> EventVocabulary.check(
                        "inspection.verdict", Map.of("verdict", "fail", "latencyMs", 320.0, "lineSpeed", 12.0)))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventVocabulary.check(
                        "incident.opened", Map.of("incidentId", "INC-7", "priority", "P1", "outage", true)))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventVocabulary.check("data-sync.report", Map.of("expected", 1440.0, "received", 1432.0)))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventVocabulary.check("whatever.custom", Map.of("anything", "goes")))
                .as("unknown types pass")
                .doesNotThrowAnyException();
    }

    @Test
    void eachBrokenRuleNamesItsField() {
        fails("inspection.verdict", Map.of(), "payload.verdict");
        fails("inspection.verdict", Map.of("verdict", "maybe"), "payload.verdict");
        fails("inspection.verdict", Map.of("verdict", "pass", "latencyMs", -1.0), "payload.latencyMs");
        fails("inspection.verdict", Map.of("verdict", "pass", "latencyMs", "fast"), "payload.latencyMs");
        fails("heartbeat", Map.of("status", "sleepy"), "payload.status");
        fails("incident.opened", Map.of("incidentId", "I", "priority", "urgent"), "payload.priority");
        fails("incident.resolved", Map.of("incidentId", "I", "firstTimeFix", "yes"), "payload.firstTimeFix");
        fails("data-sync.report", Map.of("expected", 10.5, "received", 3.0), "payload.expected");
        fails("data-sync.report", Map.of("expected", 10.0, "received", 11.0), "payload.received");
        fails(
                "maintenance.announced",
                Map.of("windowId", "w", "startsAt", "tomorrow", "endsAt", "2026-12-01T00:00:00Z"),
                "payload.startsAt");
    }

    @Test
    void everyTypeIsPublishedAsJsonSchema() {
        var schemas = EventVocabulary.jsonSchemas();
        assertThat(schemas.keySet())
                .hasSize(EventVocabulary.types().size())
                .contains("inspection.review", "remote-session.started");
        assertThat(schemas.get("inspection.verdict"))
                .containsEntry("type", "object")
                .containsEntry("required", java.util.List.of("verdict"));
    }
}
