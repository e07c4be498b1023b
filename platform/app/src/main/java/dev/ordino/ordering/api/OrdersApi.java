package dev.ordino.ordering.api;

import dev.ordino.base.api.ApiPage;
import dev.ordino.ordering.FulfilmentChoice;
import dev.ordino.ordering.Handovers;
import dev.ordino.ordering.OrderRatings;
import dev.ordino.ordering.OrderService;
import dev.ordino.ordering.OrderView;
import dev.ordino.ordering.PlaceOrder;
import dev.ordino.ordering.Placement;
import dev.ordino.security.ApiCaller;
import dev.ordino.store.HandoverSettingsService;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A customer's orders. Another customer's order does not exist for them (404). */
@RestController
@RequestMapping("/v1/orders")
@Tag(name = "Orders")
@SecurityRequirement(name = "bearer")
class OrdersApi {

    private final OrderService orders;
    private final OrderResponses responses;
    private final Handovers handovers;
    private final HandoverSettingsService handoverSettings;
    private final OrderRatings ratings;

    OrdersApi(OrderService orders, OrderResponses responses, Handovers handovers, HandoverSettingsService handoverSettings,
              OrderRatings ratings) {
        this.ratings = ratings;
        this.orders = orders;
        this.responses = responses;
        this.handovers = handovers;
        this.handoverSettings = handoverSettings;
    }

    record PlaceRequest(List<PlaceOrder.Line> items, String payment, FulfilmentChoice fulfilment) {
    }

    /** 201 with the new order; a repeat with the same Idempotency-Key and body answers 200 with the same order. */
    @PostMapping
    ResponseEntity<OrderResponses.Order> place(@RequestBody PlaceRequest request,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        Placement placement = orders.place(caller.id(), caller.email(),
                new PlaceOrder(request.items(), request.payment(), request.fulfilment()), key);
        return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(responses.order(placement.order(), null, placement.payment(), orders.myCodes(caller.id(), placement.order().id()),
                        handovers.mine(caller.id(), placement.order().id()).orElse(null), handoverSettings.current()));
    }

    @GetMapping
    ApiPage<OrderResponses.Order> mine(@RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size, Authentication authentication) {
        return ApiPage.of(orders.myOrders(ApiCaller.of(authentication).id(), ApiPage.request(page, size)),
                o -> responses.order(o, null));
    }

    @GetMapping("/{id}")
    OrderResponses.Order one(@PathVariable long id, Authentication authentication) {
        long customer = ApiCaller.of(authentication).id();
        OrderView order = orders.myOrder(customer, id);
        return responses.order(order, orders.myTimeline(customer, id), null, orders.myCodes(customer, id),
                handovers.mine(customer, id).orElse(null), handoverSettings.current());
    }

    /** The booking code as a QR code, for the order's customer only (anyone else: 404). */
    @GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(@PathVariable long id, Authentication authentication) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("Cache-Control", "private, no-store")
                .body(handovers.qrCode(ApiCaller.of(authentication).id(), id, 300));
    }

    record RatingRequest(Integer stars, String comment) {
    }

    /** Once per completed order: 201; 409 {@code already_rated} or {@code not_completed}. */
    @PostMapping("/{id}/rating")
    ResponseEntity<OrderRatings.Rating> rate(@PathVariable long id, @RequestBody RatingRequest request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ratings.rate(ApiCaller.of(authentication).id(), id, request.stars(), request.comment()));
    }

    @GetMapping("/{id}/payment-status")
    OrderResponses.PaymentState paymentStatus(@PathVariable long id, Authentication authentication) {
        return responses.payment(orders.myOrder(ApiCaller.of(authentication).id(), id));
    }

    @PostMapping("/{id}/cancel")
    OrderResponses.Order cancel(@PathVariable long id, Authentication authentication) {
        ApiCaller caller = ApiCaller.of(authentication);
        return responses.order(orders.cancel(caller.id(), id, caller.email()), orders.myTimeline(caller.id(), id));
    }
}
