package io.serviceproof.identity.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Needed with and without a web server: the admin command line creates users too. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LoginThrottle.Settings.class)
class IdentitySecurityConfiguration {

    /** bcrypt through the delegating encoder, so stored hashes name their algorithm and can migrate. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
