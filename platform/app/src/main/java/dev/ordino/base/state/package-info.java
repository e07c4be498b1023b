/** The shape every state machine shares: an enum of states and the moves between them. */
@NamedInterface("state")
package dev.ordino.base.state;

import org.springframework.modulith.NamedInterface;
