/**
 * Sign-in (form, API tokens, Telegram), roles and who is signed in.
 */
@ApplicationModule(allowedDependencies = {"base::api", "base::crypto", "base::db", "base::ui"})
package dev.ordino.security;

import org.springframework.modulith.ApplicationModule;
