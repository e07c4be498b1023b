package dev.ordino.e2e;

import static dev.ordino.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.ordino.RunningOrdino;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Channels, the notification log, preferences and the account-mail endpoints as automation uses them. */
@RunningOrdino
class NotificationsApiTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminConfiguresAnEmailChannelTestsItReadsTheLogAndResendsAndCustomersChooseTheirs() throws Exception {
        Api api = new Api(port);
        String admin = api.token("admin@ordino.demo", "admin-demo-1");
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        String id = null;
        try {
            HttpResponse<String> created = api.post("/v1/admin/channels", admin, ("{\"name\":\"Mail %d\",\"plugin\":\"notify-email\","
                    + "\"settings\":{\"host\":\"127.0.0.1\",\"port\":\"%d\",\"from\":\"orders@shop.example\",\"tls\":\"none\","
                    + "\"username\":\"\",\"password\":\"hunter2\",\"staffAddress\":\"staff@shop.example\"}}")
                    .formatted(System.nanoTime(), smtp.getSmtp().getPort()));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).contains("\"password\":\"********\"", "\"recipientKind\":\"email\"", "\"enabled\":true",
                    "\"plugin\":\"notify-email\"").doesNotContain("hunter2");
            id = Api.field(created.body(), "id");
            assertThat(api.get("/v1/admin/channels", admin).body()).contains("\"id\":" + id).doesNotContain("hunter2");

            HttpResponse<String> routed = api.put("/v1/admin/channels/" + id, admin, "{\"staffEvents\":[\"order_placed\",\"provider_attention\"]}");
            assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);
            assertThat(routed.body()).contains("\"staffEvents\":[\"order_placed\",\"provider_attention\"]", "\"password\":\"********\"");
            HttpResponse<String> unknownEvent = api.put("/v1/admin/channels/" + id, admin, "{\"staffEvents\":[\"order_teleported\"]}");
            assertThat(unknownEvent.statusCode()).isEqualTo(400);
            assertThat(unknownEvent.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(unknownEvent.body()).contains("unknown_event");
            assertThat(api.post("/v1/admin/channels", admin, "{\"name\":\"x\",\"plugin\":\"no-such-plugin\",\"settings\":{}}").body())
                    .contains("unknown_plugin");
            assertThat(api.post("/v1/admin/channels", admin, "{\"name\":\"y\",\"plugin\":\"notify-email\",\"settings\":"
                    + "{\"host\":\"h\",\"from\":\"f\",\"tls\":\"tls1\"}}").body()).contains("invalid_choice");

            HttpResponse<String> tested = api.post("/v1/admin/channels/" + id + "/test", admin, "");
            assertThat(tested.body()).contains("\"sent\":true");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("staff@shop.example");
            assertThat(api.get("/v1/admin/channels", admin).body()).contains("\"lastResult\":\"sent\"");

            // A new customer's verification mail goes through the log like every notification.
            String email = "notify-api-" + System.nanoTime() + "@example.com";
            String customer = api.newCustomer(email);
            String channel = id;
            String[] row = new String[1];
            eventually(() -> {
                try {
                    Matcher sent = Pattern.compile("\\{\"id\":(\\d+),\"event\":\"account\",\"channelId\":" + channel
                            + ",[^}]*\"recipient\":\"" + Pattern.quote(email) + "\"[^}]*\"state\":\"sent\"")
                            .matcher(api.get("/v1/admin/notifications?state=sent&channel=" + channel + "&page=0&size=50", admin).body());
                    row[0] = sent.find() ? sent.group(1) : null;
                    return row[0] != null;
                } catch (Exception e) {
                    return false;
                }
            });
            HttpResponse<String> resent = api.post("/v1/admin/notifications/" + row[0] + "/resend", admin, "");
            assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
            eventually(() -> smtp.getReceivedMessages().length == 3); // the test, the verification mail and its resend
            assertThat(api.get("/v1/admin/notifications?state=lost", admin).body()).contains("invalid_state");
            assertThat(api.get("/v1/admin/notifications", customer).statusCode()).isEqualTo(403);
            assertThat(api.post("/v1/admin/notifications/999999999/resend", admin, "").statusCode()).isEqualTo(404);

            String mine = api.get("/v1/me/notifications", customer).body();
            assertThat(mine).contains("\"order_placed\":[\"email\"]", "\"order_paid\":[\"email\"]", "\"refund_issued\":[\"email\"]",
                    "\"order_status_changed\":[\"email\",\"telegram\"]").doesNotContain("provider_balance_low");
            HttpResponse<String> changed = api.put("/v1/me/notifications", customer, "{\"order_placed\":[],\"order_paid\":[\"email\",\"telegram\"]}");
            assertThat(changed.body()).contains("\"order_placed\":[]", "\"order_paid\":[\"email\",\"telegram\"]",
                    "\"refund_issued\":[\"email\"]");
            assertThat(api.put("/v1/me/notifications", customer, "{\"provider_balance_low\":[\"email\"]}").body()).contains("unknown_event");
            assertThat(api.put("/v1/me/notifications", customer, "{\"order_paid\":[\"fax\"]}").body()).contains("unknown_channel_kind");

            assertThat(api.post("/v1/auth/password-reset", null, "{\"email\":\"nobody-at-all@example.com\"}").statusCode()).isEqualTo(202);
            assertThat(api.post("/v1/auth/password-reset", null, "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(202);
            HttpResponse<String> badToken = api.post("/v1/auth/password-reset/confirm", null, "{\"token\":\"nope\",\"password\":\"long-enough-1\"}");
            assertThat(badToken.statusCode()).isEqualTo(400);
            assertThat(badToken.body()).contains("invalid_token");
            assertThat(api.post("/v1/auth/verify-email", null, "{\"token\":\"nope\"}").body()).contains("invalid_token");
        } finally {
            if (id != null) {
                api.put("/v1/admin/channels/" + id, admin, "{\"enabled\":false}");
            }
            smtp.stop();
        }
    }
}
