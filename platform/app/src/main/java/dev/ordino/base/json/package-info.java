/** Small string maps stored as JSON text. */
@NamedInterface("json")
package dev.ordino.base.json;

import org.springframework.modulith.NamedInterface;
