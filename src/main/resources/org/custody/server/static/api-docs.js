// Renders the server's own OpenAPI document (same origin, the session cookie authenticates the fetch).
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
