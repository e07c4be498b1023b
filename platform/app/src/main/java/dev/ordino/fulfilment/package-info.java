/**
 * Provider orders (submit, status sync, refill, cancel) through the provider plugins.
 */
@ApplicationModule(allowedDependencies = {"base", "base::alerts", "base::cluster", "base::config", "base::crypto", "base::db", "base::json", "base::money", "base::state", "base::ui", "catalog", "ordering", "plugin", "security"})
package dev.ordino.fulfilment;

import org.springframework.modulith.ApplicationModule;
