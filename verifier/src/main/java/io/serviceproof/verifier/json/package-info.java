/**
 * RFC 8785 JSON Canonicalization Scheme: a strict I-JSON parser and the canonical serializer
 * (sorted keys by UTF-16 code units, minimal string escapes, ECMAScript number formatting).
 */
package io.serviceproof.verifier.json;
