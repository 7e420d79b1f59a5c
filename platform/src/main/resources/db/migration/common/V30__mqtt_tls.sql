-- MQTT over TLS with a client certificate (issue 19): the CA that signed the broker's certificate
-- (when it is a private one), the client certificate chain, and its private key sealed with the
-- master key as the password is. All PEM; all optional.
ALTER TABLE mqtt_connections ADD COLUMN tls_ca_pem TEXT;
ALTER TABLE mqtt_connections ADD COLUMN tls_certificate_pem TEXT;
ALTER TABLE mqtt_connections ADD COLUMN tls_key_sealed TEXT;
