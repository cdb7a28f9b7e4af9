// The OpenAPI document is served by the server at /openapi; "Authorize" takes an API key for X-API-KEY.
window.ui = SwaggerUIBundle({ url: "/openapi", dom_id: "#swagger-ui", persistAuthorization: true });
