package io.serviceproof.common.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The static files, each under its own path, instead of Spring Boot's catch-all {@code /**}.
 *
 * <p>Why: with the catch-all, every link a page renders ({@code @{/assessments/…}}) is first looked
 * up as a possible static file on the class path, so that its URL could be versioned. Inside the
 * packaged jar each lookup opens jar URLs; on a readiness page with 170 results that was 85 % of the
 * render time (JFR, 2026-12-05). With these four paths, links to pages match no resource path and
 * are left alone; the web jars still resolve version-agnostic URLs.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
        // Issued credentials name this context by URL, so its path never changes.
        registry.addResourceHandler("/contexts/**").addResourceLocations("classpath:/static/contexts/");
    }
}
