/** Alerts for staff, raised and resolved by any feature. */
package dev.ordino.base.alerts;
