package io.serviceproof.ledger;

import static io.serviceproof.ActingAs.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a producer sends is logged exactly, or refused with nothing stored: the log never commits to
 * text the producer did not send (bytes decoded leniently, an escape read loosely, a time altered).
 */
@SpringBootTest
@AutoConfigureMockMvc
class LedgerStrictInputIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenant.create(context, "strict-input");
    }

    private int logged() throws Exception {
        String body = mvc.perform(get("/api/v1/ledger/entries").with(bearer(tenant.token(Role.AUDITOR))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return body.split("\"eventId\"", -1).length - 1;
    }

    private byte[] event(String eventId, String occurredAt, byte[] detail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("{\"eventId\":\"" + eventId + "\",\"type\":\"operator.note\",\"occurredAt\":\"" + occurredAt
                        + "\",\"payload\":{\"note\":\"")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(detail);
        out.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private void refused(byte[] body, String field) throws Exception {
        int before = logged();
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
        assertThat(logged()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() throws Exception {
        refused(event("bad-1", "2026-11-26T08:00:00Z", new byte[] {(byte) 0xC3, 0x28}), "body");
        // A surrogate pair encoded as two three-byte sequences (CESU-8), not as one four-byte one.
        refused(
                event("bad-2", "2026-11-26T08:00:00Z", new byte[] {
                    (byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80
                }),
                "body");
        refused(event("bad-3", "2026-11-26T08:00:00Z", new byte[] {(byte) 0xFF}), "body");
    }

    @Test
    void looseEscapesAndVanishingNumbersAreRefused() throws Exception {
        refused(event("esc-1", "2026-11-26T08:00:00Z", "\\u-001".getBytes(StandardCharsets.UTF_8)), "body");
        refused(event("esc-2", "2026-11-26T08:00:00Z", "\\u+041".getBytes(StandardCharsets.UTF_8)), "body");
        refused(
                ("{\"eventId\":\"num-1\",\"type\":\"inspection.verdict\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                                + "\"payload\":{\"latencyMs\":1e-400}}")
                        .getBytes(StandardCharsets.UTF_8),
                "body");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+10000-01-01T00:00:00Z",
                "10000-01-01T00:00:00Z",
                "2026-11-26 08:00:00Z",
                "2026-11-26T08:00Z",
                "2026-11-26T08:00:00",
                "2026-11-26T08:00:00+0800",
                "2016-12-31T23:59:60Z"
            })
    void occurredAtIsRfc3339WithFourDigitYears(String occurredAt) throws Exception {
        refused(event("time-" + Math.abs(occurredAt.hashCode()), occurredAt, new byte[0]), "occurredAt");
    }

    @Test
    void rfc3339VariantsAreAcceptedAndStoredNormalisedToUtc() throws Exception {
        mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(event(
                                "ok-1", "2026-11-26t16:00:00.5+08:00", "é ✓ 𝄞".getBytes(StandardCharsets.UTF_8))))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/ledger/entries").param("eventId", "ok-1").with(bearer(tenant.token(Role.AUDITOR))))
                .andExpect(jsonPath("$[0].occurredAt").value("2026-11-26T08:00:00.500Z"));
    }
}
