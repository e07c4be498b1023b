/** Secrets encrypted at rest with the store's key. */
@NamedInterface("crypto")
package dev.ordino.base.crypto;

import org.springframework.modulith.NamedInterface;
