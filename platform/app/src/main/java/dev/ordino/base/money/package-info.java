/** The store's one currency and how amounts are rounded to it. */
@NamedInterface("money")
package dev.ordino.base.money;

import org.springframework.modulith.NamedInterface;
