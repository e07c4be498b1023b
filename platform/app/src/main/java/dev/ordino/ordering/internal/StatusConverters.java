package dev.ordino.ordering.internal;

import dev.ordino.ordering.OrderStatus;
import dev.ordino.ordering.PaymentStatus;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Statuses are stored in lower case, as the API and the seeds write them. */
final class StatusConverters {

    private StatusConverters() {
    }

    @Converter(autoApply = true)
    static class OrderStatusConverter implements AttributeConverter<OrderStatus, String> {
        @Override
        public String convertToDatabaseColumn(OrderStatus status) {
            return status == null ? null : status.key();
        }

        @Override
        public OrderStatus convertToEntityAttribute(String value) {
            return value == null ? null : OrderStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    @Converter(autoApply = true)
    static class PaymentStatusConverter implements AttributeConverter<PaymentStatus, String> {
        @Override
        public String convertToDatabaseColumn(PaymentStatus status) {
            return status == null ? null : status.key();
        }

        @Override
        public PaymentStatus convertToEntityAttribute(String value) {
            return value == null ? null : PaymentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
