// Starts Swagger UI (copied from npm by `make web`) on the API's OpenAPI document: the page's one
// script besides the bundle, a file so that the page runs under the map's Content-Security-Policy.
window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  layout: "BaseLayout",
  deepLinking: true,
  showExtensions: true,
  showCommonExtensions: true,
  validatorUrl: null, // Swagger UI's default sends the document to an outside validator
  presets: [SwaggerUIBundle.presets.apis],
});
