package io.serviceproof.common.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and Simplified Chinese everywhere; on the public verification page also Vietnamese, Thai,
 * Malay and Indonesian, the languages of the buyers in the target markets (elsewhere those fall back
 * to English, since the rest of the product is not translated into them). {@code ?lang=vi} switches
 * and is remembered in a cookie; without a cookie the browser's Accept-Language decides.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /** The buyers' languages, spoken by the public verification page only. */
    public static final List<String> BUYER_LANGUAGES = List.of("vi", "th", "ms", "id");

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("serviceproof-lang") {
            @Override
            public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
                return supported(super.resolveLocale(request), request);
            }

            @Override
            public org.springframework.context.i18n.LocaleContext resolveLocaleContext(
                    jakarta.servlet.http.HttpServletRequest request) {
                org.springframework.context.i18n.LocaleContext context = super.resolveLocaleContext(request);
                // Lazy like the parent's: a ?lang= switch earlier in the same request is seen.
                return new org.springframework.context.i18n.TimeZoneAwareLocaleContext() {
                    @Override
                    public Locale getLocale() {
                        return supported(context.getLocale(), request);
                    }

                    @Override
                    public java.util.TimeZone getTimeZone() {
                        return context instanceof org.springframework.context.i18n.TimeZoneAwareLocaleContext zoned
                                ? zoned.getTimeZone()
                                : null;
                    }
                };
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            Locale requested = request.getLocale();
            if (requested != null && requested.getLanguage().equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            return requested != null && BUYER_LANGUAGES.contains(requested.getLanguage())
                    ? Locale.forLanguageTag(requested.getLanguage())
                    : Locale.ENGLISH;
        });
        return resolver;
    }

    /** A buyer's language on the verification page; elsewhere it becomes English. */
    static Locale supported(Locale locale, jakarta.servlet.http.HttpServletRequest request) {
        if (locale != null && BUYER_LANGUAGES.contains(locale.getLanguage())) {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            return path.equals("/verify") ? Locale.forLanguageTag(locale.getLanguage()) : Locale.ENGLISH;
        }
        return locale;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
