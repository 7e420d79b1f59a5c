/**
 * People who deliver the services: technicians, their training and certifications (with scope and
 * validity), the tasks of each service layer that need a current qualification, who is authorised
 * for which, and the competence matrix that says whether each authorisation is still backed.
 * {@link io.serviceproof.evidence.people.People} is the API.
 */
@NamedInterface("people")
package io.serviceproof.evidence.people;

import org.springframework.modulith.NamedInterface;
