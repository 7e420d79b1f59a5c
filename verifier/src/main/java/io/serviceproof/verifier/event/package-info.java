/**
 * Events signed by the devices that produced them: the envelope a device signs (DSSE over the log
 * entry's canonical JSON) and the check, in log order, that every signed entry carries a valid
 * signature by a device key registered earlier in the same log.
 */
package io.serviceproof.verifier.event;
