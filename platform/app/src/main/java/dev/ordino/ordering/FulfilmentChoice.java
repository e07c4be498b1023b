package dev.ordino.ordering;

/**
 * How the customer wants the products of an order: {@code pickup} (with an optional time) or
 * {@code delivery} (address and phone required).
 */
public record FulfilmentChoice(String type, String address, String phone, String time) {

    public static FulfilmentChoice pickup() {
        return new FulfilmentChoice("pickup", null, null, null);
    }

    public static FulfilmentChoice delivery(String address, String phone) {
        return new FulfilmentChoice("delivery", address, phone, null);
    }
}
