/**
 * The store's own settings: its name, logo and contact details.
 */
@ApplicationModule(allowedDependencies = {"base", "base::money", "base::ui", "catalog", "security"})
package dev.ordino.store;

import org.springframework.modulith.ApplicationModule;
