package io.serviceproof.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How a figure was computed: English for the API and the log, the reader's language on pages. */
class HowTests {

    @Test
    void theEnglishWordingIsTheOneTheApiAlwaysCarried() {
        assertThat(How.of("outages-maintenance", 2, 35, 120).english())
                .isEqualTo("2 outage(s), 35 min down outside 120 min of announced maintenance");
        assertThat(How.of("share", 3, 200).english()).isEqualTo("3 of 200");
        assertThat(How.of("not-measurable", "energy_kwh").english())
                .isEqualTo("'energy_kwh' is not measured from the event vocabulary");
    }

    @Test
    void bothBundlesSayEveryPhraseAndEnglishMatchesTheSourceOfTruth() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        How.ENGLISH.forEach((key, pattern) -> {
            assertThat(english.getProperty("sla.how." + key)).as(key).isEqualTo(pattern);
            assertThat(chinese.getProperty("sla.how." + key))
                    .as(key)
                    .isNotBlank()
                    .isNotEqualTo(pattern);
        });
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = HowTests.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
