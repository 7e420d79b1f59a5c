/** The recognition layer: whether a conformity result counts in a market, and why (or why not). */
@NamedInterface("recognition")
package io.serviceproof.catalog.recognition;

import org.springframework.modulith.NamedInterface;
