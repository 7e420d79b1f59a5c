package io.serviceproof.ledger;

import io.serviceproof.verifier.witness.AddCheckpointRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A witness's {@code add-checkpoint} endpoint over HTTP (c2sp.org/tlog-witness), and the one rule
 * about where the server may post: a tenant's owner names the witness URL, so by default loopback,
 * private and link-local addresses are refused (which would let a tenant probe the operator's
 * network); an operator whose witnesses are internal sets
 * {@code serviceproof.witness.allow-private-addresses}.
 */
@Component
class WitnessEndpoint {

    /** The witness's answer: HTTP status and body. */
    record Answer(int status, String body) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean privateAddressesAllowed;

    WitnessEndpoint(@Value("${serviceproof.witness.allow-private-addresses:false}") boolean privateAddressesAllowed) {
        this.privateAddressesAllowed = privateAddressesAllowed;
    }

    Answer addCheckpoint(URI prefix, AddCheckpointRequest request) throws IOException, InterruptedException {
        URI endpoint = URI.create(prefix.toString().replaceAll("/+$", "") + "/add-checkpoint");
        requirePublicAddress(endpoint);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(endpoint)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.format()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }

    private void requirePublicAddress(URI endpoint) throws IOException {
        if (privateAddressesAllowed) {
            return;
        }
        for (InetAddress address : InetAddress.getAllByName(endpoint.getHost())) {
            if (address.isLoopbackAddress()
                    || address.isSiteLocalAddress()
                    || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress()
                    || address.isMulticastAddress()) {
                throw new IOException("the witness address " + address.getHostAddress()
                        + " is private; the operator must set serviceproof.witness.allow-private-addresses to use it");
            }
        }
    }
}
