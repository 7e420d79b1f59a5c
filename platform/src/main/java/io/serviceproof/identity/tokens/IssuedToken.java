package io.serviceproof.identity.tokens;

/** A freshly issued token with its secret: the only moment the secret exists outside its holder. */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token.id() + "]";
    }
}
