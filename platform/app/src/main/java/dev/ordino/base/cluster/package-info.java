/** The application nodes sharing one database: which are alive, so one node can settle the claims of a dead one. */
package dev.ordino.base.cluster;
