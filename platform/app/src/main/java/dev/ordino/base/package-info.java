/**
 * The shared kernel: configuration, the embedded database, secret encryption and the UI frame
 * (layouts, error pages). Open to every feature, and depends on no feature but security.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package dev.ordino.base;

import org.springframework.modulith.ApplicationModule;
