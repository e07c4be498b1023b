package dev.ordino.notification.api;

import dev.ordino.notification.NotificationPreferences;
import dev.ordino.security.ApiCaller;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Which events the caller hears about, and where: {@code {"order_status_changed": ["email", "telegram"], ...}}. */
@RestController
@Tag(name = "Accounts")
@SecurityRequirement(name = "bearer")
class MyNotificationsApi {

    private final NotificationPreferences preferences;

    MyNotificationsApi(NotificationPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/v1/me/notifications")
    Map<String, List<String>> mine(Authentication caller) {
        return preferences.of(ApiCaller.of(caller).id());
    }

    /** Changes the events given; the others keep theirs. */
    @PutMapping("/v1/me/notifications")
    Map<String, List<String>> change(Authentication caller, @RequestBody Map<String, List<String>> choice) {
        return preferences.save(ApiCaller.of(caller).id(), choice);
    }
}
