package io.serviceproof.common.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Creates the data folder before any bean opens the embedded database in it: SQLite creates its
 * file but not the folders above it.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

    @Bean
    static BeanFactoryPostProcessor dataDirectoryCreator(Environment environment) {
        return beanFactory -> {
            Path dataDir = Path.of(environment.getProperty("serviceproof.data-dir", "./data"));
            try {
                Files.createDirectories(dataDir.resolve("blobs"));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data folder " + dataDir.toAbsolutePath(), e);
            }
        };
    }
}
