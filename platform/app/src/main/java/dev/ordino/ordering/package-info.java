/**
 * Cart, checkout, orders and their items, the order state machine, timeline and refunds.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::api", "base::db", "base::json", "base::live", "base::money", "base::ui", "catalog", "security", "store", "wallet"})
package dev.ordino.ordering;

import org.springframework.modulith.ApplicationModule;
