/** Alerts for staff, raised and resolved by any feature. */
@NamedInterface("alerts")
package dev.ordino.base.alerts;

import org.springframework.modulith.NamedInterface;
