package io.serviceproof.devices.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.devices.Device;
import io.serviceproof.devices.Devices;
import io.serviceproof.devices.OpcUaTrust;
import io.serviceproof.services.Offerings;
import java.time.Clock;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The devices pages: the register with its form, and one device with its lifecycle buttons and, for
 * an edge gateway, the OPC UA server certificates it met, to trust or not.
 */
@Controller
class DevicePageController {

    private final Devices devices;
    private final Offerings offerings;
    private final Clock clock;
    private final Phrases phrases;
    private final OpcUaTrust opcUaTrust;

    DevicePageController(Devices devices, Offerings offerings, Clock clock, Phrases phrases, OpcUaTrust opcUaTrust) {
        this.devices = devices;
        this.opcUaTrust = opcUaTrust;
        this.offerings = offerings;
        this.clock = clock;
        this.phrases = phrases;
    }

    @GetMapping("/devices")
    String list(Model model) {
        model.addAttribute("devices", devices.devices());
        model.addAttribute("layers", offerings.allLayers());
        model.addAttribute("now", clock.instant());
        return "devices/list";
    }

    @PostMapping("/devices")
    String register(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String serviceLayerId,
            @RequestParam(required = false) String publicKey,
            Model model,
            RedirectAttributes redirect) {
        try {
            Device device = devices.register(new Devices.Registration(name, serviceLayerId, publicKey));
            redirect.addFlashAttribute("notice", "devices.registered");
            return "redirect:/devices/" + device.id();
        } catch (InvalidInputException | ConflictException e) {
            // The form keeps what was typed, and says what is wrong beside it.
            model.addAttribute("problem", phrases.problem(e, LocaleContextHolder.getLocale()));
            model.addAttribute("name", name);
            model.addAttribute("serviceLayerId", serviceLayerId);
            model.addAttribute("publicKey", publicKey);
            return list(model);
        }
    }

    @GetMapping("/devices/{id}")
    String device(@PathVariable String id, Model model) {
        model.addAttribute("device", devices.device(id));
        model.addAttribute("certificates", opcUaTrust.certificates(id));
        model.addAttribute("now", clock.instant());
        return "devices/detail";
    }

    @PostMapping("/devices/{id}/opcua-certificates/{fingerprint}")
    String decideOpcUaCertificate(
            @PathVariable String id,
            @PathVariable String fingerprint,
            @RequestParam boolean trusted,
            RedirectAttributes redirect) {
        try {
            opcUaTrust.decide(id, fingerprint, trusted);
            redirect.addFlashAttribute("notice", trusted ? "devices.opcua.trusted" : "devices.opcua.distrusted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problemText", phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/devices/" + id + "#opcua-certificates";
    }

    @PostMapping("/devices/{id}/status")
    String status(
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        devices.device(id);
        try {
            devices.changeStatus(id, Device.Status.fromToken(status), reason);
            redirect.addFlashAttribute("notice", "devices.status.changed");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("problemText", phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/devices/" + id;
    }
}
