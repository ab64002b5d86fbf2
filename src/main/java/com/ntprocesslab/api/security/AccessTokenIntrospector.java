package com.ntprocesslab.api.security;

import com.ntprocesslab.store.token.AccessTokens;
import com.ntprocesslab.store.token.TokenHolder;
import java.util.Map;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Spring Security's bearer filter hands each presented token here: a personal access token
 * that exists and is not revoked signs the request in as its owner. What the owner may do is
 * decided by the services, as for the pages; the principal only carries who it is.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class AccessTokenIntrospector implements OpaqueTokenIntrospector {

    /** The principal's attribute holding the token's id, which its rate limit is kept under. */
    static final String TOKEN_ID = "token_id";

    private final AccessTokens tokens;

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        TokenHolder holder = tokens.authenticate(token).orElseThrow(() -> new BadOpaqueTokenException(
                "This token is unknown or was revoked; create one on your profile page."));
        return new DefaultOAuth2AuthenticatedPrincipal(holder.username(), Map.of(TOKEN_ID, holder.tokenId()),
                AuthorityUtils.createAuthorityList("ROLE_API"));
    }
}
