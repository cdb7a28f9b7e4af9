package sensorhub.web.boundary;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * The {@code Link: <...>; rel="next"} target of a paged list: this request's path and query with the cursor
 * replaced. Relative (RFC 8288 allows it) so that a forged {@code Host} header never reaches the answer.
 */
public final class NextPage {

    private NextPage() {
    }

    public static URI of(UriInfo request, String cursor) {
        URI absolute = request.getRequestUriBuilder().replaceQueryParam("after", cursor).build();
        return URI.create(absolute.getRawPath() + "?" + absolute.getRawQuery());
    }
}
