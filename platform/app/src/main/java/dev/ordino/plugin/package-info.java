/**
 * The plugin host: loading, the registry of extensions, per-instance settings and health.
 */
@ApplicationModule(allowedDependencies = {"base", "base::config", "base::crypto", "base::json", "base::ui", "security"})
package dev.ordino.plugin;

import org.springframework.modulith.ApplicationModule;
