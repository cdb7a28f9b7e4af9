package sensorhub.web.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a list paged by key, and where the next one starts if there is one. As an answer it carries
 * {@code Link: <...>; rel="next"}: this request's path and query with {@code after} replaced, relative (RFC 8288
 * allows it) so that a forged {@code Host} header never reaches the answer.
 */
public record Page<T>(List<T> items, Optional<Cursor> next) {

    /**
     * The page of the first {@code limit} of {@code found}, which holds one more item than a page when there is a
     * next page; {@code key} gives the cursor after an item.
     */
    public static <T> Page<T> of(List<T> found, int limit, Function<T, Cursor> key) {
        return found.size() <= limit ? new Page<>(found, Optional.empty())
                : new Page<>(found.subList(0, limit), Optional.of(key.apply(found.get(limit - 1))));
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), next);
    }

    /** A 200 answer of the page's items, with the link to the next page. */
    public Response toResponse(UriInfo request) {
        Response.ResponseBuilder answer = Response.ok(items, MediaType.APPLICATION_JSON_TYPE);
        next.ifPresent(cursor -> answer.link(nextLink(request, cursor), "next"));
        return answer.build();
    }

    static URI nextLink(UriInfo request, Cursor cursor) {
        URI absolute = request.getRequestUriBuilder().replaceQueryParam("after", cursor.encode()).build();
        return URI.create(absolute.getRawPath() + "?" + absolute.getRawQuery());
    }
}
