/**
 * The SMM panel API v2 ({@code /api/v2}) that lets other panels, bots and scripts resell the shop's
 * catalog: API keys, rate limits, the call log, per-customer price tiers and mass orders.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::api", "base::db", "base::money", "base::ui", "catalog", "fulfilment", "ordering", "security", "wallet"})
package dev.ordino.reseller;

import org.springframework.modulith.ApplicationModule;
