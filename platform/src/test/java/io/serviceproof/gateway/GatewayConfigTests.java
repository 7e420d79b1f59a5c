package io.serviceproof.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway.yaml that is wrong stops the gateway before it starts, saying what to fix. */
class GatewayConfigTests {

    private static final String HEAD = """
            server: http://127.0.0.1:1
            token: t
            dir: %s
            serviceLayerId: rqi
            """;

    @TempDir
    Path dir;

    @Test
    void anOpcUaEndpointThatIsNotOpcTcpIsRefused() throws Exception {
        assertThat(refusal("""
                        opcua:
                          - endpoint: http://cell-1/cell
                            events: [{node: "ns=2;s=V", eventType: inspection.verdict, field: verdict}]
                        """)).contains("opc.tcp://host:port/path");
    }

    @Test
    void anAlarmWithoutItsEventTypeOrWithASeverityOutsideOpcUasScaleIsRefused() throws Exception {
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            alarms: [{minSeverity: 500}]
                        """)).contains("alarms: each needs an eventType");
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            alarms: [{eventType: alarm.raised, minSeverity: 1001}]
                        """)).contains("minSeverity is an OPC UA severity, 1 to 1000");
    }

    @Test
    void alarmStatesAreReadAsTransitionsAndOneThatIsNotATransitionIsRefused() throws Exception {
        GatewayConfig config = io.serviceproof.common.SafeYaml.mapper()
                .build()
                .readValue(HEAD.formatted(dir) + """
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            alarms:
                              - minSeverity: 500
                                states: {raised: alarm.raised, cleared: alarm.cleared}
                        """, GatewayConfig.class);
        GatewayConfig.OpcUaAlarm alarm = config.opcua().get(0).alarms().get(0);
        assertThat(alarm.eventType()).isNull();
        assertThat(alarm.typeOf(OpcUaConditions.Transition.CLEARED)).isEqualTo("alarm.cleared");
        assertThat(alarm.typeOf(OpcUaConditions.Transition.ACKNOWLEDGED)).isNull();
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            alarms: [{states: {returned: alarm.returned}}]
                        """))
                .contains("'returned' is not a transition", "raised, cleared, acknowledged or confirmed");
    }

    @Test
    void aSecurityPolicyOtherThanBasic256Sha256OrNoneIsRefused() throws Exception {
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            securityPolicy: Basic128Rsa15
                            events: [{node: "ns=2;s=V", eventType: inspection.verdict, field: verdict}]
                        """)).contains("Basic256Sha256 or None");
    }

    @Test
    void aPinnedFingerprintThatIsNotSha256IsRefused() throws Exception {
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            trustedServerCertificates: ["12:34:56"]
                            events: [{node: "ns=2;s=V", eventType: inspection.verdict, field: verdict}]
                        """)).contains("64 hex digits");
    }

    @Test
    void aSourceWithoutEventsOrAlarmsOrAnEventWithoutItsFieldIsRefused() throws Exception {
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                        """)).contains("give events", "or alarms");
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            events: [{node: "ns=2;s=V", eventType: inspection.verdict}]
                        """)).contains("node, eventType and field");
    }

    @Test
    void aNodeIdThatIsNotOneIsRefusedBeforeAnyConnection() throws Exception {
        GatewayKey.create(dir);
        assertThat(refusal("""
                        opcua:
                          - endpoint: opc.tcp://cell-1:4840/cell
                            events: [{node: "Cell1/Verdict", eventType: inspection.verdict, field: verdict}]
                        """)).contains("not a node id");
    }

    @Test
    void fingerprintsAreReadWithColonsAndInEitherCase() {
        String pinned = "AB:".repeat(31) + "AB";
        var source = new GatewayConfig.OpcUaSource(
                "opc.tcp://cell-1:4840/cell",
                null,
                java.util.List.of(pinned),
                null,
                java.util.List.of(
                        new GatewayConfig.OpcUaEvent("ns=2;s=V", "inspection.verdict", "verdict", null, null)),
                null);

        assertThat(source.trustedServerCertificates()).containsExactly("ab".repeat(32));
        assertThat(source.securityPolicy()).isEqualTo("Basic256Sha256");
        assertThat(source.publishingIntervalMs()).isEqualTo(250.0);
    }

    private String refusal(String opcua) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, HEAD.formatted(dir) + opcua);
        StringWriter err = new StringWriter();
        int code = GatewayCommand.run(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "--config", config.toString());
        assertThat(code).as(err.toString()).isEqualTo(2);
        return err.toString();
    }
}
