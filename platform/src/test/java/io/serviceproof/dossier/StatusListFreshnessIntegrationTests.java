package io.serviceproof.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.serviceproof.MutableClock;
import io.serviceproof.MutableClockConfiguration;
import io.serviceproof.TestTenant;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A revocation list says "not revoked" only for a bounded time, and is re-signed before it lapses. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class StatusListFreshnessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    MutableClock clock;

    @Autowired
    JsonMapper json;

    private JsonNode list(String slug) throws Exception {
        return json.readTree(mvc.perform(get("/orgs/" + slug + "/credentials/status/1"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void aListIsValidForItsTtlAndAFreshOneIsSignedBeforeItLapses() throws Exception {
        String slug = TestTenant.create(context, "freshness").organisation().slug();
        JsonNode first = list(slug);
        Instant from = Instant.parse(first.get("validFrom").asString());
        Instant until = Instant.parse(first.get("validUntil").asString());
        assertThat(Duration.between(from, until)).isEqualTo(Duration.ofHours(24));
        assertThat(list(slug)).as("the same list within a window").isEqualTo(first);
        assertThat(Duration.between(clock.instant(), until)).isGreaterThanOrEqualTo(Duration.ofHours(12));

        clock.advance(Duration.ofHours(13));
        JsonNode next = list(slug);
        assertThat(Instant.parse(next.get("validUntil").asString())).isAfter(until);
        assertThat(Duration.between(
                        clock.instant(), Instant.parse(next.get("validUntil").asString())))
                .as("what a verifier receives has at least half its lifetime left")
                .isGreaterThanOrEqualTo(Duration.ofHours(12));
    }
}
