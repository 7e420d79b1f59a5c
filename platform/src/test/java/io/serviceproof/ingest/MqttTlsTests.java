package io.serviceproof.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** PEM as plants hand it out: the key forms brokers' tooling writes are read; what cannot be used is named. */
class MqttTlsTests {

    @Test
    void aKeyIsReadAsPkcs8AndAsSec1AndTheSummarySaysWhoseCertificateUntilWhen() throws Exception {
        TestPki.Issued ca = TestPki.ca("Plant CA");
        TestPki.Issued client = TestPki.issue(ca, "line-7", false);

        MqttTls pkcs8 = MqttTls.parse(ca.certificatePem(), client.certificatePem(), client.keyPem());
        assertThat(pkcs8.key().getAlgorithm()).isEqualTo("EC");
        assertThat(pkcs8.summary().clientSubject()).isEqualTo("CN=line-7");
        assertThat(pkcs8.summary().caSubject()).isEqualTo("CN=Plant CA");
        assertThat(pkcs8.summary().clientNotAfter())
                .isEqualTo(client.certificate().getNotAfter().toInstant());
        assertThat(pkcs8.sslConfig().getKeyManagerFactory()).isPresent();
        assertThat(pkcs8.sslConfig().getTrustManagerFactory()).isPresent();
    }

    @Test
    void keysAsOpensslWritesThemAreRead() throws Exception {
        // Made once with `openssl ecparam -genkey -name prime256v1 -noout` and `openssl genrsa -traditional`:
        // test keys, used for nothing else.
        assertThat(MqttTls.key(resource("tls/ec-sec1-test-key.pem")).getAlgorithm())
                .isEqualTo("EC");
        assertThat(MqttTls.key(resource("tls/rsa-pkcs1-test-key.pem")).getAlgorithm())
                .isEqualTo("RSA");
    }

    private static String resource(String path) throws Exception {
        try (var in = MqttTlsTests.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    @Test
    void whatCannotBeUsedIsRefusedWithItsField() throws Exception {
        TestPki.Issued ca = TestPki.ca("Plant CA");
        TestPki.Issued client = TestPki.issue(ca, "line-7", false);
        TestPki.Issued other = TestPki.issue(ca, "line-8", false);

        assertRefused(() -> MqttTls.parse(null, client.certificatePem(), other.keyPem()), "clientKey");
        assertRefused(() -> MqttTls.parse(null, client.certificatePem(), null), "clientKey");
        assertRefused(() -> MqttTls.parse(null, null, client.keyPem()), "clientCertificate");
        assertRefused(
                () -> MqttTls.parse("-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----", null, null),
                "caCertificate");
        assertRefused(() -> MqttTls.parse(null, client.certificatePem(), client.certificatePem()), "clientKey");
        assertThat(MqttTls.parse(" ", "", null).isEmpty()).isTrue();
    }

    private static void assertRefused(Runnable parse, String field) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
