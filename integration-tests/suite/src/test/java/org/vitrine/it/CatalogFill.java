package org.vitrine.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Fills a fresh instance with generated Onshape documents straight through JDBC batches, with the rows an import
 * writes: the document (public, CC-BY-4.0 mostly, tags joined in {@code tags_text}), its elements, workspace,
 * versions, tags, designers (owner, creator, modifier) and a 300x170 document preview whose blob lies in
 * {@code data/blobs} under the key an import derives from provider, document id and size. The pictures come from
 * a small shared set; each document's blob file (and its {@code .meta}) is a hard link to one of them.
 * Everything is drawn from a fixed seed, so two runs fill the same catalogue.
 */
final class CatalogFill {

    static final String PROVIDER = "onshape";
    static final String SIZE = "300x170";
    private static final int BATCH = 1000;
    private static final int PICTURES = 64;
    private static final String[] LICENCES = {"CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "MIT"};
    private static final String[] ELEMENT_TYPES = {"PARTSTUDIO", "PARTSTUDIO", "ASSEMBLY", "DRAWING", "FEATURESTUDIO"};

    private final VitrineInstance vitrine;
    private final CatalogWords words;
    private final Random random;
    private final List<String> givenNames = new ArrayList<>();
    private final List<String> familyNames = new ArrayList<>();
    private final LocalDateTime start = LocalDateTime.of(2023, 1, 2, 8, 0);

    CatalogFill(VitrineInstance vitrine, long seed) throws IOException {
        this.vitrine = vitrine;
        this.words = CatalogWords.load();
        this.random = new Random(seed);
        List<String> names = CatalogWords.lines("catalog/names.txt");
        int blank = names.indexOf("");
        givenNames.addAll(names.subList(0, blank));
        familyNames.addAll(names.subList(blank + 1, names.size()).stream().filter(n -> !n.isEmpty()).toList());
    }

    private String[] etags = new String[0];

    CatalogWords words() {
        return words;
    }

    /** The ETag of the 300x170 preview of document {@code id} (1 to the number filled). */
    String etag(int id) {
        return etags[id];
    }

    /** Inserts the documents and their blobs; the instance's catalogue must be empty. */
    void fill(int documents, int designers) throws Exception {
        Path blobs = vitrine.home.resolve("data/blobs");
        List<Picture> pictures = PreviewImages.draw(PICTURES, 300, 170, random.nextLong()).stream().map(Picture::of).toList();
        etags = new String[documents + 1];
        try (Connection db = vitrine.database()) {
            if (Rows.count(vitrine, "SELECT COUNT(*) FROM documents") != 0) {
                throw new IllegalStateException("the catalogue is not empty");
            }
            db.setAutoCommit(false);
            long importer = importer(db);
            List<String[]> people = designers(db, designers);
            db.commit();
            try (PreparedStatement doc = db.prepareStatement("INSERT INTO documents (id, provider, external_id, name, description, owner_name,"
                    + " owner_external_id, provider_created_at, provider_modified_at, default_workspace_id, source_url, licence, tags_text,"
                    + " imported_by, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,'public',?,?)");
                 PreparedStatement element = db.prepareStatement(
                         "INSERT INTO document_elements (document_id, external_id, name, element_type, position) VALUES (?,?,?,?,?)");
                 PreparedStatement workspace = db.prepareStatement("INSERT INTO document_workspaces (document_id, external_id, name,"
                         + " microversion, created_at_provider, modified_at_provider) VALUES (?,?,'Main',?,?,?)");
                 PreparedStatement version = db.prepareStatement("INSERT INTO document_versions (document_id, external_id, name, description,"
                         + " microversion, creator_name, created_at_provider) VALUES (?,?,?,?,?,?,?)");
                 PreparedStatement tag = db.prepareStatement("INSERT INTO document_tags (document_id, tag) VALUES (?,?)");
                 PreparedStatement credit = db.prepareStatement("INSERT INTO document_designers (document_id, designer_id, role) VALUES (?,?,?)");
                 PreparedStatement preview = db.prepareStatement("INSERT INTO previews (document_id, element_id, size_label, blob_key,"
                         + " content_type, byte_size, etag, created_at) VALUES (?,NULL,?,?,'image/png',?,?,?)")) {
                for (int id = 1; id <= documents; id++) {
                    String did = hex(24);
                    String wid = hex(24);
                    LocalDateTime imported = start.plusSeconds(id * 900L + random.nextInt(600));
                    LocalDateTime created = imported.minusDays(1 + random.nextInt(700));
                    LocalDateTime modified = created.plusHours(random.nextInt(24 * 300));
                    int ownerIndex = zipf(people.size());
                    String[] owner = people.get(ownerIndex);
                    List<String> tags = tags();
                    doc.setLong(1, id);
                    doc.setString(2, PROVIDER);
                    doc.setString(3, did);
                    doc.setString(4, CatalogWords.capitalised(words.phrase(random, 2 + random.nextInt(3))));
                    doc.setString(5, random.nextInt(10) == 0 ? null : description());
                    doc.setString(6, owner[1]);
                    doc.setString(7, owner[0]);
                    doc.setTimestamp(8, Timestamp.valueOf(created));
                    doc.setTimestamp(9, Timestamp.valueOf(modified));
                    doc.setString(10, wid);
                    doc.setString(11, "https://cad.onshape.com/documents/" + did + "/w/" + wid);
                    doc.setString(12, LICENCES[random.nextInt(LICENCES.length)]);
                    doc.setString(13, String.join(" ", tags));
                    doc.setLong(14, importer);
                    doc.setTimestamp(15, Timestamp.valueOf(imported));
                    doc.setTimestamp(16, Timestamp.valueOf(imported));
                    doc.addBatch();
                    int elements = 1 + random.nextInt(5);
                    for (int e = 0; e < elements; e++) {
                        element.setLong(1, id);
                        element.setString(2, hex(24));
                        element.setString(3, e == 0 ? "Part Studio 1" : CatalogWords.capitalised(words.phrase(random, 1 + random.nextInt(2))));
                        element.setString(4, e == 0 ? "PARTSTUDIO" : ELEMENT_TYPES[random.nextInt(ELEMENT_TYPES.length)]);
                        element.setInt(5, e);
                        element.addBatch();
                    }
                    workspace.setLong(1, id);
                    workspace.setString(2, wid);
                    workspace.setString(3, hex(24));
                    workspace.setTimestamp(4, Timestamp.valueOf(created));
                    workspace.setTimestamp(5, Timestamp.valueOf(modified));
                    workspace.addBatch();
                    for (int v = 1; v <= random.nextInt(4); v++) {
                        version.setLong(1, id);
                        version.setString(2, hex(24));
                        version.setString(3, "V" + v);
                        version.setString(4, random.nextBoolean() ? null : CatalogWords.capitalised(words.phrase(random, 3)));
                        version.setString(5, hex(24));
                        version.setString(6, owner[1]);
                        version.setTimestamp(7, Timestamp.valueOf(created.plusDays(v)));
                        version.addBatch();
                    }
                    for (String t : tags) {
                        tag.setLong(1, id);
                        tag.setString(2, t);
                        tag.addBatch();
                    }
                    credits(credit, id, ownerIndex, people.size());
                    Picture picture = pictures.get(random.nextInt(pictures.size()));
                    String key = blobKey(PROVIDER, did, "", SIZE);
                    picture.store(blobs, key);
                    etags[id] = picture.etag;
                    preview.setLong(1, id);
                    preview.setString(2, SIZE);
                    preview.setString(3, key);
                    preview.setLong(4, picture.bytes.length);
                    preview.setString(5, picture.etag);
                    preview.setTimestamp(6, Timestamp.valueOf(imported));
                    preview.addBatch();
                    if (id % BATCH == 0 || id == documents) {
                        for (PreparedStatement batch : List.of(doc, element, workspace, version, tag, credit, preview)) {
                            batch.executeBatch();
                        }
                        db.commit();
                    }
                }
            }
            // an installation that grew by imports has statistics InnoDB refreshed along the way; a bulk fill has not
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE TABLE documents, document_elements, document_tags, designers, document_designers, previews");
            }
        }
    }

    private long importer(Connection db) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO accounts (email, display_name, status, created_at, updated_at)"
                + " VALUES ('catalog-importer@example.org', 'Catalog importer', 'active', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Designers with ids 1..count: {external id, display name}. */
    private List<String[]> designers(Connection db, int count) throws Exception {
        List<String[]> people = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO designers (id, provider, external_id, display_name, created_at,"
                + " updated_at) VALUES (?,?,?,?,?,?)")) {
            for (int i = 1; i <= count; i++) {
                String[] person = {hex(24), givenNames.get(random.nextInt(givenNames.size())) + " "
                        + familyNames.get(random.nextInt(familyNames.size()))};
                people.add(person);
                insert.setLong(1, i);
                insert.setString(2, PROVIDER);
                insert.setString(3, person[0]);
                insert.setString(4, person[1]);
                insert.setTimestamp(5, Timestamp.valueOf(start));
                insert.setTimestamp(6, Timestamp.valueOf(start));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return people;
    }

    /** Owner, creator and modifier: mostly the owner himself, sometimes a colleague. */
    private void credits(PreparedStatement credit, long id, int ownerIndex, int people) throws Exception {
        int creator = random.nextInt(5) == 0 ? zipf(people) : ownerIndex;
        int modifier = random.nextInt(3) == 0 ? zipf(people) : ownerIndex;
        Object[][] rows = {{ownerIndex, "owner"}, {creator, "creator"}, {modifier, "modifier"}};
        for (Object[] row : rows) {
            credit.setLong(1, id);
            credit.setLong(2, (int) row[0] + 1L);
            credit.setString(3, (String) row[1]);
            credit.addBatch();
        }
    }

    private List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (int i = random.nextInt(5); i > 0; i--) {
            tags.add(words.draw(random));
        }
        return List.copyOf(tags);
    }

    private String description() {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 1 + random.nextInt(3); sentence++) {
            text.append(sentence == 0 ? "" : " ").append(CatalogWords.capitalised(words.phrase(random, 6 + random.nextInt(10)))).append('.');
        }
        return text.toString();
    }

    /** An index in [0, n) where small indexes come up far more often (prolific designers). */
    private int zipf(int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1.0, random.nextDouble())) - 1);
    }

    private String hex(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    /** The blob key an import derives: SHA-256 over the length-prefixed parts, as lowercase hex. */
    static String blobKey(String... parts) {
        MessageDigest sha = sha256();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One shared picture; the first document that uses it gets real files, the others hard links to them. */
    private static final class Picture {
        final byte[] bytes;
        final String etag;
        private Path file;
        private Path meta;

        private Picture(byte[] bytes) {
            this.bytes = bytes;
            this.etag = "\"" + HexFormat.of().formatHex(sha256().digest(bytes)) + "\"";
        }

        static Picture of(byte[] bytes) {
            return new Picture(bytes);
        }

        /** Lays the blob out as the file blob store does: ab/cd/key and ab/cd/key.meta (content type, ETag). */
        void store(Path root, String key) throws IOException {
            Path target = root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
            Path targetMeta = target.resolveSibling(key + ".meta");
            Files.createDirectories(target.getParent());
            if (file == null) {
                Files.write(target, bytes);
                Files.writeString(targetMeta, "image/png\n" + etag + "\n", StandardCharsets.UTF_8);
                file = target;
                meta = targetMeta;
                return;
            }
            try {
                Files.createLink(target, file);
                Files.createLink(targetMeta, meta);
            } catch (UnsupportedOperationException | IOException noLinks) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                Files.copy(meta, targetMeta, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
