package sensorhub.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sensorhub.SensorHubApplication;
import sensorhub.sensors.boundary.SensorJson;

/**
 * The hand-kept OpenAPI document ({@code META-INF/openapi.yaml}) and the JAX-RS resources name the same operations:
 * every resource method of every {@code @Path} class found in the build's classes, with its route, HTTP method,
 * path and query parameters (required where the method requires them), the media types it takes and answers.
 * A new route, parameter or media type fails here until the document has it, and an operation the document
 * names that no method serves fails too. The document itself must read without a message.
 */
class OpenApiRoutesTest {

    private static final String API = "/" + SensorHubApplication.class.getAnnotation(ApplicationPath.class).value();
    private static final String PROBLEM = "application/problem+json";

    private static final OpenAPI DOCUMENT = document();

    private static OpenAPI document() {
        try (InputStream yaml = OpenApiRoutesTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(yaml, "META-INF/openapi.yaml is missing");
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            SwaggerParseResult result = new OpenAPIV3Parser()
                    .readContents(new String(yaml.readAllBytes(), StandardCharsets.UTF_8), null, options);
            assertTrue(Optional.ofNullable(result.getMessages()).orElse(List.of()).isEmpty(),
                    "swagger-parser's messages on openapi.yaml: " + result.getMessages());
            return result.getOpenAPI();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation as either side states it; equal when both sides state the same. */
    record Route(String method, String path, Set<String> pathParameters, Map<String, Boolean> queryParameters,
            Set<String> consumes, Set<String> produces) {

        String key() {
            return method + " " + path;
        }
    }

    @Test
    void documentsEveryResourceMethodAsItIsAndNothingElse() {
        Map<String, Route> served = resourceRoutes();
        Map<String, Route> documented = documentedRoutes();

        assertEquals(new TreeSet<>(served.keySet()), new TreeSet<>(documented.keySet()),
                "operations served (left) and documented (right) differ");
        List<String> differences = new ArrayList<>();
        served.forEach((key, route) -> {
            if (!route.equals(documented.get(key))) {
                differences.add(key + "\n    served:     " + route + "\n    documented: " + documented.get(key));
            }
        });
        assertTrue(differences.isEmpty(), String.join("\n", differences));
    }

    @Test
    void everyOperationNeedsTheKeyAndAnswersItsRefusalsAsProblems() {
        List<String> missing = new ArrayList<>();
        DOCUMENT.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String name = method + " " + path;
            if (operation.getSecurity() != null || DOCUMENT.getSecurity() == null) {
                missing.add(name + ": the document's API key requirement");
            }
            for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                Content content = response.getValue().getContent();
                if (error && (content == null || !content.keySet().equals(Set.of(PROBLEM)))) {
                    missing.add(name + ": " + response.getKey() + " as " + PROBLEM + " only");
                }
            }
            for (String status : List.of("401", "403", "500", "503")) {
                if (!operation.getResponses().containsKey(status)) {
                    missing.add(name + ": " + status);
                }
            }
        }));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    /**
     * The id rule is stated once in the document ({@code SensorId}); it must accept and refuse what
     * {@link SensorJson}'s constraints accept and refuse. Change both together.
     */
    @Test
    void statesTheSensorIdRuleOfSensorJson() throws NoSuchFieldException {
        Schema<?> id = DOCUMENT.getComponents().getSchemas().get("SensorId");
        Field component = SensorJson.class.getDeclaredField("id");
        Size size = component.getAnnotation(Size.class);
        java.util.regex.Pattern constrained = java.util.regex.Pattern
                .compile(component.getAnnotation(Pattern.class).regexp());
        // ECMA-262's $ (JSON Schema's) ends the input; Java's also matches before a last line break.
        java.util.regex.Pattern documented = java.util.regex.Pattern
                .compile(id.getPattern().replaceAll("\\$$", "\\\\z"));

        assertEquals(size.min(), id.getMinLength());
        assertEquals(size.max(), id.getMaxLength());
        List<String> disagreements = IntStream.rangeClosed(0, 0x3000).mapToObj(Character::toString)
                .flatMap(c -> Stream.of(c, "a" + c + "b", c + c))
                .filter(probe -> constrained.matcher(probe).matches() != documented.matcher(probe).find())
                .map(probe -> probe.codePoints().mapToObj(cp -> String.format("U+%04X", cp))
                        .collect(Collectors.joining(" ")))
                .toList();
        assertTrue(disagreements.isEmpty(), "SensorJson and the document's SensorId disagree on: "
                + disagreements.stream().limit(20).toList());
    }

    private static Map<String, Route> resourceRoutes() {
        Map<String, Route> routes = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Route route = route(resource, method, verb);
                    assertTrue(routes.put(route.key(), route) == null, "two methods serve " + route.key());
                });
            }
        }
        return routes;
    }

    private static Route route(Class<?> resource, Method method, String verb) {
        String path = (API + "/" + pathOf(resource.getAnnotation(Path.class)) + "/"
                + pathOf(method.getAnnotation(Path.class))).replaceAll("/+", "/").replaceAll("/$", "");
        Set<String> pathParameters = new TreeSet<>();
        Map<String, Boolean> queryParameters = new TreeMap<>();
        boolean takesBody = false;
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            Optional<PathParam> pathParam = annotation(annotations, PathParam.class);
            Optional<QueryParam> queryParam = annotation(annotations, QueryParam.class);
            pathParam.ifPresent(p -> pathParameters.add(p.value()));
            queryParam.ifPresent(q -> queryParameters.put(q.value(),
                    annotation(annotations, NotNull.class).isPresent()));
            takesBody |= Arrays.stream(annotations).noneMatch(a -> a.annotationType().getPackageName()
                    .equals(Path.class.getPackageName()) || a instanceof Context);
        }
        Set<String> consumes = takesBody ? mediaTypes(Optional.ofNullable(method.getAnnotation(Consumes.class))
                .or(() -> Optional.ofNullable(resource.getAnnotation(Consumes.class))).map(Consumes::value))
                : Set.of();
        Set<String> produces = method.getReturnType() == void.class ? Set.of()
                : mediaTypes(Optional.ofNullable(method.getAnnotation(Produces.class))
                        .or(() -> Optional.ofNullable(resource.getAnnotation(Produces.class))).map(Produces::value));
        return new Route(verb, path, pathParameters, queryParameters, consumes, produces);
    }

    private static Map<String, Route> documentedRoutes() {
        Map<String, Route> routes = new TreeMap<>();
        for (Map.Entry<String, PathItem> path : DOCUMENT.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                List<Parameter> parameters = new ArrayList<>(Optional.ofNullable(path.getValue().getParameters())
                        .orElse(List.of()));
                parameters.addAll(Optional.ofNullable(operation.getParameters()).orElse(List.of()));
                Set<String> pathParameters = parameters.stream().filter(p -> "path".equals(p.getIn()))
                        .map(Parameter::getName).collect(Collectors.toCollection(TreeSet::new));
                Map<String, Boolean> queryParameters = parameters.stream().filter(p -> "query".equals(p.getIn()))
                        .collect(Collectors.toMap(Parameter::getName, p -> Boolean.TRUE.equals(p.getRequired()),
                                (a, b) -> a, TreeMap::new));
                Set<String> consumes = operation.getRequestBody() == null ? Set.of()
                        : new TreeSet<>(operation.getRequestBody().getContent().keySet());
                Set<String> produces = operation.getResponses().entrySet().stream()
                        .filter(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
                        .flatMap(r -> r.getValue().getContent().keySet().stream())
                        .collect(Collectors.toCollection(TreeSet::new));
                Route route = new Route(entry.getKey().name(), path.getKey(), pathParameters, queryParameters,
                        consumes, produces);
                routes.put(route.key(), route);
            }
        }
        return routes;
    }

    /** Every class of the build's own output (not the tests') that JAX-RS serves as a root resource. */
    private static List<Class<?>> resourceClasses() {
        try (Stream<java.nio.file.Path> files = Files.walk(Paths.get(SensorHubApplication.class
                .getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            java.nio.file.Path root = Paths.get(SensorHubApplication.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            List<Class<?>> resources = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(OpenApiRoutesTest::load).filter(c -> c.isAnnotationPresent(Path.class)).toList();
            assertTrue(resources.size() > 5, "found the resource classes: " + resources);
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiRoutesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(a -> a.annotationType().getAnnotation(HttpMethod.class)).filter(h -> h != null)
                .map(HttpMethod::value).findFirst();
    }

    private static <A extends Annotation> Optional<A> annotation(Annotation[] annotations, Class<A> type) {
        return Arrays.stream(annotations).filter(type::isInstance).map(type::cast).findFirst();
    }

    private static String pathOf(Path path) {
        return path == null ? "" : path.value();
    }

    /** The type and subtype of each, without parameters such as {@code version=0.0.4}. */
    private static Set<String> mediaTypes(Optional<String[]> types) {
        return types.stream().flatMap(Arrays::stream).map(t -> t.split(";")[0].trim())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
