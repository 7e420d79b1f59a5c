/** Crosswalk rules (NIST IR 8477): which requirements cover which, and what is only suggested. */
@NamedInterface("crosswalk")
package io.serviceproof.catalog.crosswalk;

import org.springframework.modulith.NamedInterface;
