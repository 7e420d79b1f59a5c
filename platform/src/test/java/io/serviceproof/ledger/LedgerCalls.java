package io.serviceproof.ledger;

import static io.serviceproof.ActingAs.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.serviceproof.TestTenant;
import io.serviceproof.identity.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tenant's engineer calling the ledger through MockMvc, and reading its log as a third party would. */
final class LedgerCalls {

    private final MockMvc mvc;
    private final JsonMapper json;
    private final ApplicationContext context;
    private final TestTenant tenant;

    LedgerCalls(MockMvc mvc, JsonMapper json, ApplicationContext context, TestTenant tenant) {
        this.mvc = mvc;
        this.json = json;
        this.context = context;
        this.tenant = tenant;
    }

    JsonNode append(String body, int expectedStatus) throws Exception {
        return json.readTree(mvc.perform(post("/api/v1/ledger/entries")
                        .with(bearer(tenant.token(Role.ENGINEER)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    void publish() throws Exception {
        mvc.perform(post("/api/v1/ledger/checkpoints").with(bearer(tenant.token(Role.ENGINEER))))
                .andExpect(status().isCreated());
    }

    long size() {
        return context.getBean(LogHeads.class).size(tenant.organisation().id());
    }

    String fetch(String path) throws Exception {
        return new String(fetchBytes(path), StandardCharsets.UTF_8);
    }

    /** A {@link io.serviceproof.verifier.tiles.TileSource} over the tenant's /logs/ endpoints. */
    byte[] fetchBytes(String path) throws IOException {
        try {
            var response = mvc.perform(get("/logs/" + tenant.organisation().slug() + "/" + path)
                            .with(bearer(tenant.token(Role.ENGINEER))))
                    .andReturn()
                    .getResponse();
            if (response.getStatus() != 200) {
                throw new IOException(path + ": HTTP " + response.getStatus());
            }
            return response.getContentAsByteArray();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static String event(String id, String payload) {
        // A type outside the event vocabulary, so any payload is stored as given.
        return "{\"eventId\":\"" + id + "\",\"type\":\"inspection.note\",\"occurredAt\":\"2026-11-26T08:00:00Z\","
                + "\"serviceLayerId\":\"rqi\",\"payload\":" + payload + "}";
    }

    static String batch(String... events) {
        return "{\"entries\":[" + String.join(",", events) + "]}";
    }
}
