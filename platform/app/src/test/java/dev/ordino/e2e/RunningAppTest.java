package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import dev.ordino.plugin.PluginHost;
import dev.ordino.plugin.PluginInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** The running application over HTTP, with a broken and an incompatible plugin in its plugins folder. */
@RunningOrdino
class RunningAppTest {

    @LocalServerPort
    int port;
    @Autowired
    PluginHost plugins;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpWithoutDetailsForAnonymousCallers() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("\"db\"").doesNotContain("MariaDB");
    }

    @Test
    void theLoginPageIsServedAndProtectedPagesRedirectToIt() throws Exception {
        assertThat(get("/login").statusCode()).isEqualTo(200);
        HttpResponse<String> admin = get("/admin/plugins");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void aBrokenAndAnIncompatiblePluginDoNotStopTheAppAndAreListed() throws Exception {
        Map<String, PluginInfo.Status> status = plugins.listPlugins().stream()
                .collect(Collectors.toMap(PluginInfo::id, PluginInfo::status));
        assertThat(status).containsEntry("notify-log", PluginInfo.Status.STARTED)
                .containsEntry("broken-download.jar", PluginInfo.Status.FAILED)
                .containsEntry("notify-future", PluginInfo.Status.INCOMPATIBLE);
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void theOpenApiDescriptionIsPublished() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("\"openapi\"", "/v1/orders", "/v1/admin/orders/{id}/refunds", "\"bearer\"");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void aServerErrorPageShowsNoStackTrace() throws Exception {
        HttpResponse<String> response = get("/error");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.ordino");
    }
}
