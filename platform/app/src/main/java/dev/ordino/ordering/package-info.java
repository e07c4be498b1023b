/**
 * Cart, checkout, orders and their items, the order state machine, timeline and refunds.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::alerts", "base::api", "base::config", "base::db", "base::json", "base::live", "base::money", "base::state", "base::ui", "catalog", "security", "store", "wallet"})
package dev.ordino.ordering;

import org.springframework.modulith.ApplicationModule;
