package com.ntprocesslab.api.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The HTTP API's own filter chain, ahead of the pages' chain (which stays as it is for
 * everything else): /api/** is stateless, signed in by a bearer token on every request, with
 * no session cookie, no form login and no CSRF token (a browser never attaches a bearer token
 * by itself, so another site cannot make it send one).
 */
@Configuration
class ApiSecurityConfig {

    /** The API's OpenAPI description is readable without a token. */
    static final String OPENAPI = "/api/v1/openapi/**";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, AccessTokenIntrospector introspector, ApiRateLimit limit,
                                       ApiErrorResponses errors) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(OPENAPI).permitAll().anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(errors::unauthorized)
                        .accessDeniedHandler(errors::forbidden))
                .oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque.introspector(introspector))
                        .authenticationEntryPoint(errors::unauthorized)
                        .accessDeniedHandler(errors::forbidden))
                .addFilterAfter(new ApiRateLimitFilter(limit, errors), AuthorizationFilter.class);
        return http.build();
    }
}
