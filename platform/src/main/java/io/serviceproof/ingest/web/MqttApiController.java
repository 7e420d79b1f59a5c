package io.serviceproof.ingest.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.ingest.MqttConnection;
import io.serviceproof.ingest.MqttConnections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** MQTT brokers the organisation's events arrive from. */
@RestController
@Tag(name = "Ingest", description = "MQTT subscriptions: events acknowledged to the broker once durably logged")
class MqttApiController {

    private final MqttConnections connections;

    MqttApiController(MqttConnections connections) {
        this.connections = connections;
    }

    record Enabled(Boolean enabled) {}

    @Operation(summary = "The organisation's MQTT connections, with what arrived and the last error")
    @GetMapping("/api/v1/mqtt-connections")
    List<MqttConnection> list() {
        return connections.connections();
    }

    @Operation(
            summary = "Subscribe to a broker (MQTT 3.1.1 or 5, QoS 1): each message is a log entry or batch, or"
                    + " JSON mapped by pointers to one event type; the password is sealed with the master key")
    @PostMapping("/api/v1/mqtt-connections")
    ResponseEntity<MqttConnection> create(@RequestBody MqttConnections.NewConnection request) {
        if (request == null) {
            throw new InvalidInputException("body", "{\"name\", \"brokerUri\", \"topicFilter\", ...}");
        }
        MqttConnection created = connections.create(request);
        return ResponseEntity.created(URI.create("/api/v1/mqtt-connections/" + created.id()))
                .body(created);
    }

    @GetMapping("/api/v1/mqtt-connections/{id}")
    MqttConnection connection(@PathVariable String id) {
        return connections.connection(id);
    }

    @Operation(summary = "Stop or resume the subscription")
    @PostMapping("/api/v1/mqtt-connections/{id}/enabled")
    MqttConnection enabled(@PathVariable String id, @RequestBody Enabled body) {
        if (body == null || body.enabled() == null) {
            throw new InvalidInputException("enabled", "true or false");
        }
        return connections.enable(id, body.enabled());
    }
}
