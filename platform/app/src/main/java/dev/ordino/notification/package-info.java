/**
 * Messages to customers and staff about what happened to their orders and payments.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::alerts", "base::config", "base::crypto", "base::json", "base::money", "base::state", "base::ui", "fulfilment", "ordering", "payment", "plugin", "security", "store"})
package dev.ordino.notification;

import org.springframework.modulith.ApplicationModule;
