package sensorhub.access.boundary;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import sensorhub.access.entity.Caller;
import sensorhub.access.entity.Permission;

/** The security context of a request authenticated by API key: roles are the key's permissions. */
record CallerContext(Caller caller, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return caller;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Arrays.stream(Permission.values())
                .anyMatch(p -> p.jsonName().equals(role) && caller.may(p));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return ApiKeyFilter.SCHEME;
    }
}
