package io.serviceproof.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A foreign buyer reads the verification page in Vietnamese, Thai, Malay or Indonesian, chosen by
 * the browser or the switch; the rest of the product, not translated into those, stays English.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BuyerLanguagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theVerificationPageFollowsTheBrowserOrTheSwitchInTheBuyersLanguages() throws Exception {
        assertThat(page(get("/verify").header("Accept-Language", "vi-VN,vi;q=0.9")))
                .contains("lang=\"vi\"", "Xác minh chứng thư hoặc hồ sơ", "id=\"lang-th\"");
        assertThat(page(get("/verify").param("lang", "th"))).contains("lang=\"th\"", "ตรวจสอบใบรับรองหรือแฟ้มเอกสาร");
        assertThat(page(get("/verify").param("lang", "ms"))).contains("lang=\"ms\"", "Sahkan kelayakan atau dosier");
        assertThat(page(get("/verify").param("lang", "id")))
                .contains("lang=\"id\"", "Verifikasi kredensial atau dosier");
        // A refused lookup speaks the buyer's language too.
        assertThat(page(get("/verify").param("lang", "vi").param("credential", "nobody/none")))
                .contains("Không có chứng thư này trên máy chủ");
    }

    @Test
    void elsewhereABuyersLanguageFallsBackToEnglishNeverToAMixture() throws Exception {
        String login = page(get("/login").cookie(new Cookie("serviceproof-lang", "vi")));
        assertThat(login).contains("lang=\"en\"").doesNotContain("id=\"lang-vi\"");
        assertThat(page(get("/login").header("Accept-Language", "th"))).contains("lang=\"en\"");
        // Chinese stays Chinese everywhere.
        assertThat(page(get("/login").cookie(new Cookie("serviceproof-lang", "zh-CN"))))
                .contains("lang=\"zh-CN\"");
    }

    private String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
