package dev.ordino.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ordino.RunningOrdino;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Store settings for automation: GET answers every key, PUT changes only the keys it is given. */
@RunningOrdino
class SettingsApiTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminChangesOnlyTheGivenSettingsAndBadValuesGetProblems() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        HttpResponse<String> before = api.get("/v1/admin/settings", admin);
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body()).contains("\"shopName\":", "\"contactPhone\":", "\"telegramLink\":", "\"defaultLanguage\":",
                "\"topUpMin\":\"", "\"topUpMax\":\"", "\"defaultMarkupPercent\":");
        String name = Api.field(before.body(), "shopName");
        String language = Api.field(before.body(), "defaultLanguage");
        try {
            HttpResponse<String> changed = api.put("/v1/admin/settings", admin,
                    "{\"topUpMin\":\"2.50\",\"topUpMax\":\"750\",\"defaultMarkupPercent\":35.5}");
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("\"topUpMin\":\"2.50\"", "\"topUpMax\":\"750.00\"", "\"defaultMarkupPercent\":35.5",
                    "\"shopName\":\"" + name + "\"", "\"defaultLanguage\":\"" + language + "\"");
            assertThat(api.get("/v1/admin/settings", admin).body()).contains("\"topUpMin\":\"2.50\"", "\"topUpMax\":\"750.00\"");

            HttpResponse<String> renamed = api.put("/v1/admin/settings", admin, "{\"shopName\":\"Automated Shop\"}");
            assertThat(renamed.body()).contains("\"shopName\":\"Automated Shop\"", "\"topUpMin\":\"2.50\"");

            HttpResponse<String> inverted = api.put("/v1/admin/settings", admin, "{\"topUpMin\":\"900\"}");
            assertThat(inverted.statusCode()).isEqualTo(400);
            assertThat(inverted.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(inverted.body()).contains("invalid_range", "topUpMax");
            HttpResponse<String> typo = api.put("/v1/admin/settings", admin, "{\"shopname\":\"x\"}");
            assertThat(typo.statusCode()).isEqualTo(400);
            assertThat(typo.body()).contains("unknown_setting", "shopname");
            assertThat(api.put("/v1/admin/settings", admin, "{\"topUpMax\":\"lots\"}").body()).contains("invalid_amount");
            assertThat(api.put("/v1/admin/settings", admin, "{\"topUpMax\":\"1e999999999\"}").statusCode()).isEqualTo(400);
            assertThat(api.put("/v1/admin/settings", admin, "[1,2]").statusCode()).isEqualTo(400);
            assertThat(api.put("/v1/admin/settings", admin, "{\"defaultLanguage\":\"fr\"}").body()).contains("invalid_language");
            assertThat(api.get("/v1/admin/settings", admin).body()).contains("\"shopName\":\"Automated Shop\"", "\"topUpMin\":\"2.50\"");

            String customer = api.newCustomer("settings-api-" + System.nanoTime() + "@example.com");
            assertThat(api.get("/v1/admin/settings", customer).statusCode()).isEqualTo(403);
            assertThat(api.put("/v1/admin/settings", customer, "{\"shopName\":\"Mine\"}").statusCode()).isEqualTo(403);
        } finally {
            api.put("/v1/admin/settings", admin, "{\"shopName\":\"%s\",\"topUpMin\":\"%s\",\"topUpMax\":\"%s\",\"defaultMarkupPercent\":%s}"
                    .formatted(name, Api.field(before.body(), "topUpMin"), Api.field(before.body(), "topUpMax"),
                            Api.field(before.body(), "defaultMarkupPercent")));
        }
    }
}
