package io.serviceproof.ingest.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.ingest.MqttConnections;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Event sources page and its MQTT form: subscribe to a broker, stop or resume a subscription. */
@Controller
class IngestPageController {

    private final MqttConnections connections;
    private final EventSourcesPage page;
    private final Phrases phrases;

    IngestPageController(MqttConnections connections, EventSourcesPage page, Phrases phrases) {
        this.connections = connections;
        this.page = page;
        this.phrases = phrases;
    }

    @GetMapping("/ingest")
    String page(Model model) {
        return page.render(model);
    }

    @PostMapping("/ingest/mqtt")
    String create(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String brokerUri,
            @RequestParam(required = false) Integer mqttVersion,
            @RequestParam(required = false) String username,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String topicFilter,
            @RequestParam(required = false) String sharedGroup,
            @RequestParam(required = false) String eventType,
            @RequestParam(required = false) String serviceLayerId,
            @RequestParam(required = false) String eventIdPointer,
            @RequestParam(required = false) String occurredAtPointer,
            @RequestParam(required = false) String payloadPointer,
            @RequestParam(required = false) String caCertificate,
            @RequestParam(required = false) String clientCertificate,
            @RequestParam(required = false) String clientKey,
            Model model,
            RedirectAttributes redirect) {
        MqttConnections.NewConnection request = new MqttConnections.NewConnection(
                name,
                brokerUri,
                mqttVersion,
                username,
                password,
                topicFilter,
                sharedGroup,
                eventType,
                serviceLayerId,
                eventIdPointer,
                occurredAtPointer,
                payloadPointer,
                caCertificate,
                clientCertificate,
                clientKey);
        try {
            connections.create(request);
            redirect.addFlashAttribute("notice", "ingest.created");
            return "redirect:/ingest";
        } catch (InvalidInputException | ConflictException e) {
            // The form keeps what was typed (never the password or the private key) and says what is wrong.
            model.addAttribute("problem", phrases.problem(e, LocaleContextHolder.getLocale()));
            model.addAttribute("form", request.withoutSecrets());
            return page(model);
        }
    }

    @PostMapping("/ingest/mqtt/{id}/enabled")
    String enabled(@PathVariable String id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        connections.enable(id, enabled);
        redirect.addFlashAttribute("notice", enabled ? "ingest.enabled" : "ingest.disabled");
        return "redirect:/ingest";
    }
}
