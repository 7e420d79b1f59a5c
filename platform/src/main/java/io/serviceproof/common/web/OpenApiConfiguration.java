package io.serviceproof.common.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Describes the API at /v3/api-docs (browsable at /swagger-ui.html). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "ServiceProof API",
                        version = "v1",
                        description = "Every request acts for the organisation its token belongs to. "
                                + "Errors are RFC 9457 problem details (application/problem+json)."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(
        name = "token",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API token (sp_...)")
class OpenApiConfiguration {}
