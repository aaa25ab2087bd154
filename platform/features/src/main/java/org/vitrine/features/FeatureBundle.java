package org.vitrine.features;

/**
 * One bundle of a feature, by Maven coordinates.
 *
 * @param groupId    Maven group
 * @param artifactId Maven artifact
 * @param version    Maven version
 * @param startOrder start level for kernel bundles (lower starts first); 0 means the default
 */
public record FeatureBundle(String groupId, String artifactId, String version, int startOrder) {

    /** Parses {@code group:artifact:version}. */
    public static FeatureBundle parse(String id, int startOrder) {
        String[] parts = id.split(":");
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("bundle id '" + id + "' is not groupId:artifactId:version");
        }
        return new FeatureBundle(parts[0], parts[1], parts[2], startOrder);
    }

    /** Where the jar lies in a Maven-layout repository. */
    public String repositoryPath() {
        return groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + artifactId + "-" + version + ".jar";
    }

    /**
     * The bundle location used to install it from a repository folder: a {@code reference:} URL, so the
     * framework uses the jar where it lies rather than copying it into its cache.
     */
    public String location(java.nio.file.Path repository) {
        return "reference:" + repository.resolve(repositoryPath()).toUri();
    }

    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
