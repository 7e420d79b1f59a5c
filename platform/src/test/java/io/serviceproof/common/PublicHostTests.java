package io.serviceproof.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicHostTests {

    @Test
    void loopbackHostsAreLocalWithOrWithoutAPort() {
        assertThat(PublicHost.isLocal("localhost:8080")).isTrue();
        assertThat(PublicHost.isLocal("LOCALHOST")).isTrue();
        assertThat(PublicHost.isLocal("proof.localhost")).isTrue();
        assertThat(PublicHost.isLocal("127.0.0.1:8080")).isTrue();
        assertThat(PublicHost.isLocal("[::1]:8080")).isTrue();
        assertThat(PublicHost.isLocal("0.0.0.0")).isTrue();
    }

    @Test
    void reachableHostsAreNot() {
        assertThat(PublicHost.isLocal("proof.example.com")).isFalse();
        assertThat(PublicHost.isLocal("proof.example.com:8443")).isFalse();
        assertThat(PublicHost.isLocal("203.0.113.7:8080")).isFalse();
        assertThat(PublicHost.isLocal("localhost.example.com")).isFalse();
    }
}
