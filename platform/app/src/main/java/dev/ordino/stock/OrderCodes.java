package dev.ordino.stock;

import dev.ordino.ordering.DeliveredCodes;
import java.util.List;
import org.springframework.stereotype.Component;

/** The order's codes for the back-office order panel, through {@link CodeStock}'s checked and audited reads. */
@Component
class OrderCodes implements DeliveredCodes {

    private final CodeStock stock;

    OrderCodes(CodeStock stock) {
        this.stock = stock;
    }

    @Override
    public List<DeliveredCode> ofOrder(long orderId) {
        return stock.ofOrder(orderId).stream()
                .map(code -> new DeliveredCode(code.id(), code.masked(), code.state() == CodeState.VOID)).toList();
    }

    @Override
    public String reveal(long codeId, String actor) {
        return stock.reveal(codeId, actor);
    }
}
