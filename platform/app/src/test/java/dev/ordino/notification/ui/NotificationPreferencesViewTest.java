package dev.ordino.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import dev.ordino.Actors;
import dev.ordino.KaribuTest;
import dev.ordino.account.AccountSummary;
import dev.ordino.notification.NotificationPreferences;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A customer chooses which events reach them on which kind of channel; the choice is what the service keeps and shows again. */
class NotificationPreferencesViewTest extends KaribuTest {

    @Autowired
    Actors actors;
    @Autowired
    NotificationPreferences preferences;

    @Test
    void aCustomerTicksTelegramInsteadOfEmailForPaidOrdersAndFindsItSoOnTheirNextVisit() {
        AccountSummary customer = actors.customer();
        signIn(customer);
        UI.getCurrent().navigate("notifications");
        NotificationPreferencesView view = _get(NotificationPreferencesView.class);
        // The shop's defaults first: paid orders by e-mail, top-ups not at all.
        assertThat(view.events.get("order_paid").getValue()).containsExactly("email");
        assertThat(view.events.get("topup_credited").getValue()).isEmpty();
        assertThat(view.events).doesNotContainKey("provider_balance_low"); // staff only

        view.events.get("order_paid").setValue(Set.of("telegram"));
        view.events.get("topup_credited").setValue(Set.of("email", "discord"));
        NotificationsKt.clearNotifications();
        view.save.click();
        NotificationsKt.expectNotifications("Notification preferences saved");

        assertThat(actors.as(customer, () -> preferences.of(customer.id())))
                .containsEntry("order_paid", List.of("telegram"))
                .containsEntry("topup_credited", List.of("discord", "email"))
                .containsEntry("order_placed", List.of("email"));
        UI.getCurrent().navigate("orders");
        UI.getCurrent().navigate("notifications");
        NotificationPreferencesView again = _get(NotificationPreferencesView.class);
        assertThat(again.events.get("order_paid").getValue()).containsExactly("telegram");
        assertThat(again.events.get("topup_credited").getValue()).containsExactlyInAnyOrder("email", "discord");
    }
}
