/** How every API answers: problems, pages, paths, idempotency keys and body limits. */
@NamedInterface("api")
package dev.ordino.base.api;

import org.springframework.modulith.NamedInterface;
