/**
 * Messages to customers and staff about what happened to their orders and payments.
 */
@ApplicationModule(allowedDependencies = {"base", "base::money", "ordering", "payment", "plugin"})
package dev.ordino.notification;

import org.springframework.modulith.ApplicationModule;
