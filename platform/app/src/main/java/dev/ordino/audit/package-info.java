/**
 * The audit log: who did what to which target, and when (revealed codes, voided codes, staff actions on orders).
 */
@ApplicationModule(allowedDependencies = {"base", "base::ui", "security"})
package dev.ordino.audit;

import org.springframework.modulith.ApplicationModule;
