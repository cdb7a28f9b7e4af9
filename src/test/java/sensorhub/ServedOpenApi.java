package sensorhub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import sensorhub.testing.Api;
import sensorhub.testing.Api.Answer;

/** The OpenAPI document the server serves at {@code /openapi}, read by swagger-parser, a parser of its own. */
final class ServedOpenApi {

    private ServedOpenApi() {
    }

    static String text(Api api) {
        Answer document = api.as(null).follow(api.serverRoot("/openapi"));
        assertEquals(200, document.status(), document.body());
        return document.body();
    }

    static SwaggerParseResult parsed(Api api) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text(api), null, options);
    }
}
