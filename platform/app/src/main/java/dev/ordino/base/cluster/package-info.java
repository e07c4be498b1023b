/** The application nodes sharing one database: which are alive, so one node can settle the claims of a dead one. */
@NamedInterface("cluster")
package dev.ordino.base.cluster;

import org.springframework.modulith.NamedInterface;
