/**
 * Customers' wallets: the append-only ledger, top-ups and adjustments.
 */
@ApplicationModule(allowedDependencies = {"account", "base", "base::api", "base::money", "base::ui", "security"})
package dev.ordino.wallet;

import org.springframework.modulith.ApplicationModule;
