package dev.ordino.store;

import java.math.BigDecimal;

/**
 * Where customers collect products (one pickup point for now), the store's delivery fee, and
 * after how many days staff are reminded of a ready order nobody collected.
 */
public record HandoverSettings(String pickupName, String pickupAddress, String pickupHours, BigDecimal deliveryFee,
                               int remindAfterDays) {

    public static final int DEFAULT_REMIND_AFTER_DAYS = 3;
}
