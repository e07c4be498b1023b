/**
 * Customer and staff accounts: sign-up, roles, API keys, chat links and notification preferences.
 */
@ApplicationModule(allowedDependencies = {"base", "base::api", "base::config", "base::ui", "security"})
package dev.ordino.account;

import org.springframework.modulith.ApplicationModule;
