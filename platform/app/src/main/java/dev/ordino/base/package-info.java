/**
 * The shared kernel: configuration, the embedded database, secret encryption and the UI frame
 * (layouts, error pages). Every feature may use it through its named interfaces; it depends on no
 * feature (the frame learns the shop's name and who is signed in through interfaces that the store
 * and security features implement).
 */
@ApplicationModule(allowedDependencies = {})
package dev.ordino.base;

import org.springframework.modulith.ApplicationModule;
