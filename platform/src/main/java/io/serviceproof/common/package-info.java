/**
 * Shared infrastructure every capability uses: the clock, typed application errors that map to
 * RFC 9457 problem details, request limits, locale handling and the data folder. It holds no
 * business rules of its own.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.serviceproof.common;

import org.springframework.modulith.ApplicationModule;
