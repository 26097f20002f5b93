package com.example.accounts.e2e;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;

import java.util.List;
import java.util.Map;

/**
 * The resources of CloudNativePG and of the Keycloak operator as typed records, because neither publishes a model or
 * a schema package on Maven Central or npm: only the fields the manifests use, each named, typed and marked required
 * as the operators' CRDs say (CloudNativePG 1.25 to 1.30, postgresql.cnpg.io_clusters and _databases; the Keycloak
 * operator 26.0, keycloaks.k8s.keycloak.org-v1 and keycloakrealmimports.k8s.keycloak.org-v1). A field the manifests
 * start to use must be added here from those CRDs, or the manifest fails as unknown.
 */
final class OperatorModels {

    private OperatorModels() {
    }

    // --- CloudNativePG, postgresql.cnpg.io/v1 ---------------------------------------------------------------------

    @Group("postgresql.cnpg.io")
    @Version("v1")
    record Cluster(String apiVersion, String kind, ObjectMeta metadata, @JsonProperty(required = true) ClusterSpec spec) {
    }

    record ClusterSpec(@JsonProperty(required = true) Integer instances, String imageName, Storage storage, Storage walStorage,
            ResourceRequirements resources, Postgresql postgresql, Bootstrap bootstrap, Managed managed, Boolean enablePDB) {
    }

    record Storage(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, LocalObjectReference secret) {
    }

    record LocalObjectReference(@JsonProperty(required = true) String name) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(@JsonProperty(required = true) String name, Ensure ensure, Boolean login, LocalObjectReference passwordSecret) {
    }

    enum Ensure {
        present,
        absent
    }

    @Group("postgresql.cnpg.io")
    @Version("v1")
    record Database(String apiVersion, String kind, ObjectMeta metadata, @JsonProperty(required = true) DatabaseSpec spec) {
    }

    record DatabaseSpec(@JsonProperty(required = true) LocalObjectReference cluster, @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String owner) {
    }

    // --- the Keycloak operator, k8s.keycloak.org/v2alpha1 (what Keycloak 26 serves) --------------------------------

    @Group("k8s.keycloak.org")
    @Version("v2alpha1")
    record Keycloak(String apiVersion, String kind, ObjectMeta metadata, @JsonProperty(required = true) KeycloakSpec spec) {
    }

    record KeycloakSpec(Integer instances, Db db, Http http, Hostname hostname, Proxy proxy, Ingress ingress, ResourceRequirements resources) {
    }

    record Db(String vendor, String host, Integer port, String database, SecretKeySelector usernameSecret, SecretKeySelector passwordSecret,
            Integer poolMinSize, Integer poolInitialSize, Integer poolMaxSize) {
    }

    record Http(Boolean httpEnabled, Integer httpPort, Integer httpsPort, String tlsSecret) {
    }

    record Hostname(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    /** The CRD leaves it a string; Keycloak's documentation names the two values it takes. */
    record Proxy(ProxyHeaders headers) {
    }

    enum ProxyHeaders {
        forwarded,
        xforwarded
    }

    record Ingress(Boolean enabled, String className, Map<String, String> annotations) {
    }

    @Group("k8s.keycloak.org")
    @Version("v2alpha1")
    record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, @JsonProperty(required = true) RealmImportSpec spec) {
    }

    /** realm: Keycloak's RealmRepresentation, which the CRD keeps open (deploy/keycloak/accounts-realm.json is put there). */
    record RealmImportSpec(@JsonProperty(required = true) String keycloakCRName, @JsonProperty(required = true) Map<String, Object> realm,
            Map<String, Placeholder> placeholders) {
    }

    record Placeholder(@JsonProperty(required = true) SecretKeySelector secret) {
    }
}
