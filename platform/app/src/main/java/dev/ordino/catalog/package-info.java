/**
 * Categories and offerings (services, digital goods, products, custom work) with their prices.
 */
@ApplicationModule(allowedDependencies = {"base", "base::api", "base::money", "base::ui", "security"})
package dev.ordino.catalog;

import org.springframework.modulith.ApplicationModule;
