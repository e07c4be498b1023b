/** Delivery of the event publication registry's unfinished publications after a crash, claimed by one node. */
package dev.ordino.base.events;
