/**
 * Code stock of digital offerings: codes encrypted at rest with a fingerprint each for duplicates, uploads with a preview,
 * reservation for checkouts and delivery to paid lines, low-stock alerts.
 */
@ApplicationModule(allowedDependencies = {"audit", "base", "base::alerts", "base::api", "base::crypto", "base::state", "base::ui", "catalog", "ordering", "security"})
package dev.ordino.stock;

import org.springframework.modulith.ApplicationModule;
