package io.serviceproof.common.web;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Bounds how long a request body may take: Tomcat's per-read timeout
 * ({@code server.tomcat.connection-timeout}) ends a client that goes silent, and
 * {@link MinimumUploadRate} ends one that trickles.
 */
@Component
class UploadTimeouts implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final DataSize minimumRate;
    private final Duration grace;

    UploadTimeouts(
            @Value("${serviceproof.uploads.minimum-rate-per-second:4KB}") DataSize minimumRate,
            @Value("${serviceproof.uploads.grace:15s}") Duration grace) {
        this.minimumRate = minimumRate;
        this.grace = grace;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addEngineValves(new MinimumUploadRate(minimumRate, grace));
    }
}
