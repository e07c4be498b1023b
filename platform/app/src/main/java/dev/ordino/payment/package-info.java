/**
 * Payments through the gateway plugins: checkout and top-up payments, webhooks, refunds to the gateway.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::alerts", "base::api", "base::config", "base::crypto", "base::json", "base::live", "base::money", "base::state", "base::ui", "ordering", "plugin", "security", "store", "wallet"})
package dev.ordino.payment;

import org.springframework.modulith.ApplicationModule;
