/** The frame every view sits in (layouts, error pages) and what views share to talk to people. */
@NamedInterface("ui")
package dev.ordino.base.ui;

import org.springframework.modulith.NamedInterface;
