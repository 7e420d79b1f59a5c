package io.serviceproof.common;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The host name third parties reach this server by ({@code SERVICEPROOF_PUBLIC_HOST}). It is written
 * into every log's origin, so into every checkpoint, and into every issuer's did:web: once events are
 * logged it cannot change without starting new logs. A loopback value is the embedded default and
 * is worth a warning wherever it is about to become permanent.
 */
@Component
public class PublicHost {

    private final String value;

    PublicHost(@Value("${serviceproof.public-host}") String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Whether nobody but this machine can reach the host (localhost, 127.x, ::1, 0.0.0.0). */
    public boolean isLocal() {
        return isLocal(value);
    }

    static boolean isLocal(String hostAndPort) {
        String host = hostAndPort.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, Math.max(1, host.indexOf(']')));
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.contains(":")) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("::1")
                || host.equals("0.0.0.0")
                || host.isEmpty();
    }
}
