package com.retail.inventory.infra.cluster;

/**
 * What the IRSA roles and the outputs need to know about the cluster, new or existing.
 */
public record ClusterAccess(String clusterName, OidcTrust oidcTrust) {
}
