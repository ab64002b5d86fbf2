package com.ntprocesslab.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * What the generated OpenAPI description (GET /api/v1/openapi, springdoc) says about the API as
 * a whole: every call needs a personal access token as a bearer token.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "NT Process Lab API", version = "v1",
        description = "The students' machines, labs and checks, and the instructors' class results, as the pages show them. "
                + "Create a personal access token on your profile page and send it as 'Authorization: Bearer <token>'."),
        security = @SecurityRequirement(name = ApiDocumentation.TOKEN))
@SecurityScheme(name = ApiDocumentation.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal access token (ntlab_...) from the profile page.")
class ApiDocumentation {

    static final String TOKEN = "personal-access-token";
}
