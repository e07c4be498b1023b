package dev.ordino.notification.api;

import dev.ordino.base.DomainException;
import dev.ordino.notification.ChannelInstances;
import dev.ordino.notification.Deliveries;
import dev.ordino.notification.DeliveryState;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Notification channel instances and the notification log, for staff and automation. */
@RestController
@Tag(name = "Admin: notifications")
@SecurityRequirement(name = "bearer")
class AdminNotificationsApi {

    private final ChannelInstances channels;
    private final Deliveries deliveries;

    AdminNotificationsApi(ChannelInstances channels, Deliveries deliveries) {
        this.channels = channels;
        this.deliveries = deliveries;
    }

    @PostMapping("/v1/admin/channels")
    @ResponseStatus(HttpStatus.CREATED)
    ChannelInstances.ChannelView create(@RequestBody ChannelInstances.ChannelForm form) {
        return channels.create(form);
    }

    @GetMapping("/v1/admin/channels")
    List<ChannelInstances.ChannelView> list() {
        return channels.list();
    }

    @PutMapping("/v1/admin/channels/{id}")
    ChannelInstances.ChannelView update(@PathVariable long id, @RequestBody ChannelInstances.ChannelForm form) {
        return channels.update(id, form);
    }

    /** Sends a test message to the channel's staff destination now, past the queue; answers what happened. */
    @PostMapping("/v1/admin/channels/{id}/test")
    ChannelInstances.TestResult test(@PathVariable long id) {
        return channels.test(id);
    }

    record LogPage(List<Deliveries.DeliveryView> items, long total, int page, int size) {
    }

    @GetMapping("/v1/admin/notifications")
    LogPage log(@RequestParam(required = false) String state, @RequestParam(required = false) Long channel,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw DomainException.badRequest("invalid_page", "size", "page from 0, size from 1 to 200");
        }
        DeliveryState wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = DeliveryState.parse(state);
            } catch (IllegalArgumentException e) {
                throw DomainException.badRequest("invalid_state", "state", "Use pending, sent, failed or dead", state);
            }
        }
        var result = deliveries.search(new Deliveries.Filter(wanted, channel), PageRequest.of(page, size));
        return new LogPage(result.getContent(), result.getTotalElements(), page, size);
    }

    @PostMapping("/v1/admin/notifications/{id}/resend")
    Deliveries.DeliveryView resend(@PathVariable long id) {
        return deliveries.resend(id);
    }
}
