package com.ntprocesslab.ui.security;

import com.ntprocesslab.ui.auth.LoginView;
import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    /**
     * What Vaadin's pages need and nothing more: its bootstrap is an inline script and its
     * components set inline styles; everything else comes from this server.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** The session cookie goes with top-level navigation only, never with another site's requests. */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    /**
     * CSP, nosniff and Referrer-Policy on every response, written before the request runs:
     * Vaadin answers some pages (the login page among them) past Spring Security's own
     * header writer, which only writes when a response is committed through its wrapper.
     */
    @Bean
    FilterRegistrationBean<HeaderWriterFilter> securityHeaders() {
        HeaderWriterFilter headers = new HeaderWriterFilter(List.of(new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
                new XContentTypeOptionsHeaderWriter(), new ReferrerPolicyHeaderWriter(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        headers.setShouldWriteHeadersEagerly(true);
        FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(headers);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, LoginThrottle throttle) throws Exception {
        // The stylesheet is needed before sign-in too (the login page uses it).
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/ntlab.css").permitAll());
        // Vaadin's own CSRF set-up also exempts the login form's POST; ours exempts only
        // Vaadin's internal requests (they carry Vaadin's own CSRF token), so POST /login
        // needs Spring's token, which Vaadin's LoginForm sends from the page's meta tags.
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new LoginGuardFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false))
                .build();
    }
}
