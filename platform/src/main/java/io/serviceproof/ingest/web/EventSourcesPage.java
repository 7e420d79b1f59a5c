package io.serviceproof.ingest.web;

import io.serviceproof.ingest.EventImports;
import io.serviceproof.ingest.MqttConnection;
import io.serviceproof.ingest.MqttConnections;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Event sources page's content: the MQTT connections (and which are subscribed now) and the
 * imports. Both its forms render it again, with their own error, when the input is refused.
 */
@Component
class EventSourcesPage {

    static final String VIEW = "ingest/index";

    private final MqttConnections connections;
    private final EventImports imports;

    EventSourcesPage(MqttConnections connections, EventImports imports) {
        this.connections = connections;
        this.imports = imports;
    }

    String render(Model model) {
        var all = connections.connections();
        model.addAttribute("connections", all);
        model.addAttribute(
                "subscribed",
                all.stream()
                        .filter(c -> connections.subscribed(c.id()))
                        .map(MqttConnection::id)
                        .toList());
        model.addAttribute("imports", imports.imports());
        model.addAttribute("importMaxBytes", imports.maxBytes());
        return VIEW;
    }
}
