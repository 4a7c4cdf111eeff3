package com.retail.inventory.infra.cluster;

/**
 * The cluster's IAM OIDC identity provider, which IRSA roles trust.
 *
 * @param providerArn ARN of the IAM OIDC provider
 * @param issuer the issuer as IAM condition keys spell it, e.g.
 * {@code oidc.eks.eu-west-1.amazonaws.com/id/ABCDEF} (no {@code https://}); a token for a
 * new cluster
 */
public record OidcTrust(String providerArn, String issuer) {
}
