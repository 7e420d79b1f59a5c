package io.serviceproof.devices.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.devices.Device;
import io.serviceproof.devices.Devices;
import io.serviceproof.devices.OpcUaTrust;
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

/** The organisation's devices: their keys, lifecycle, and what arrived from each. */
@RestController
@Tag(name = "Devices", description = "Devices that sign their own events, their keys and lifecycle")
class DeviceApiController {

    private final Devices devices;
    private final OpcUaTrust opcUaTrust;

    DeviceApiController(Devices devices, OpcUaTrust opcUaTrust) {
        this.devices = devices;
        this.opcUaTrust = opcUaTrust;
    }

    @Operation(
            summary = "The OPC UA server certificates the device (an edge gateway) met, and which are trusted",
            description = "The gateway reads this with each heartbeat and connects to the servers whose certificate"
                    + " a person trusted on the device page (or that gateway.yaml pins). Trust is decided"
                    + " there only, by a person signed in: a token, such as the gateway's own, cannot decide.")
    @GetMapping("/api/v1/devices/{id}/opcua-certificates")
    List<OpcUaTrust.ServerCertificate> opcUaCertificates(@PathVariable String id) {
        return opcUaTrust.certificates(id);
    }

    @Operation(
            summary = "An edge gateway reports an OPC UA server certificate it refused, for a person to decide on",
            description = "Body: endpoint (opc.tcp://…), fingerprint (SHA-256 of the DER certificate, hex), subject.")
    @PostMapping("/api/v1/devices/{id}/opcua-certificates")
    ResponseEntity<OpcUaTrust.ServerCertificate> reportOpcUaCertificate(
            @PathVariable String id, @RequestBody OpcUaTrust.Report report) {
        return ResponseEntity.accepted().body(opcUaTrust.reported(id, report));
    }

    record StatusChange(String status, String reason) {}

    @Operation(summary = "The organisation's devices, with signed events, last arrival and clock skew")
    @GetMapping("/api/v1/devices")
    List<Device> list() {
        return devices.devices();
    }

    @Operation(
            summary = "Register a device by its Ed25519 public key (32 bytes, base64), generated on the device;"
                    + " optionally bound to the service layer whose code its events carry. Logged as"
                    + " device.registered")
    @PostMapping("/api/v1/devices")
    ResponseEntity<Device> register(@RequestBody Devices.Registration registration) {
        if (registration == null) {
            throw new InvalidInputException("body", "{\"name\", \"publicKey\", \"serviceLayerId\"}");
        }
        Device device = devices.register(registration);
        return ResponseEntity.created(URI.create("/api/v1/devices/" + device.id()))
                .body(device);
    }

    @GetMapping("/api/v1/devices/{id}")
    Device device(@PathVariable String id) {
        return devices.device(id);
    }

    @Operation(
            summary = "Suspend, reactivate (active) or retire a device, with a reason; logged as device.status-changed")
    @PostMapping("/api/v1/devices/{id}/status")
    Device status(@PathVariable String id, @RequestBody StatusChange change) {
        if (change == null || change.status() == null) {
            throw new InvalidInputException("status", "one of active, suspended, retired");
        }
        return devices.changeStatus(id, Device.Status.fromToken(change.status()), change.reason());
    }
}
