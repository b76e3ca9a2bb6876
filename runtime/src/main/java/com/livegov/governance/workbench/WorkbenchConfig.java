package com.livegov.governance.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The workbench's languages. Every word a user reads comes from the message bundles under
 * {@code messages/}, one per feature ({@code messages/inbox.properties} in English and
 * {@code messages/inbox_zh_CN.properties} in Simplified Chinese); every bundle found there is loaded.
 * The language is the browser's (Accept-Language) until the user picks one with {@code ?lang=en} or
 * {@code ?lang=zh-CN}; that choice is kept in a cookie, so any replica serves it.
 */
@Configuration
class WorkbenchConfig implements WebMvcConfigurer {

    /** The languages the workbench speaks; the first is the default. */
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    static final String LANGUAGE_COOKIE = "workbench-lang";

    @Bean
    MessageSource messageSource() {
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(bundleNames());
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setCacheSeconds(-1);
        return messages;
    }

    /** {@code classpath:messages/<feature>} for every English bundle on the class path. */
    static String[] bundleNames() {
        try {
            Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
            return Arrays.stream(english).map(Resource::getFilename)
                    .filter(name -> name != null && !name.contains("_"))
                    .map(name -> "classpath:messages/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct().sorted().toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the message bundles", e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request -> supported(request.getLocales().asIterator()));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            protected Locale parseLocaleValue(String value) {
                Locale wanted = super.parseLocaleValue(value);
                return wanted == null ? null : supported(List.of(wanted).iterator());
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** The first of the wanted languages the workbench speaks (any Chinese is Simplified Chinese here), else English. */
    static Locale supported(java.util.Iterator<Locale> wanted) {
        while (wanted.hasNext()) {
            Locale locale = wanted.next();
            if (locale.getLanguage().equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (locale.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return LANGUAGES.get(0);
    }
}
