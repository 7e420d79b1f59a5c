package io.serviceproof.identity;

/** A Spring Security principal that knows which {@link Actor} it stands for. */
public interface ActorPrincipal {

    Actor actor();
}
