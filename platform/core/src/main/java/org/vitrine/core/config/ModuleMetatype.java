package org.vitrine.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The settings a module's bundles declare, read from the OSGi Metatype documents ({@code OSGI-INF/metatype/*.xml})
 * that bnd generates from {@code @ObjectClassDefinition} and {@code @Designate}. The jars are read directly, so the
 * declarations are known before a module's bundles are installed (a module whose file is wrong from the start
 * never starts). A jar is parsed again only when its size or modification time changes.
 */
public final class ModuleMetatype {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleMetatype.class);
    private static final String METATYPE_DIR = "OSGI-INF/metatype/";

    private record Parsed(long size, long modified, Map<String, Map<String, DeclaredSetting>> byPid) {
    }

    private final Map<Path, Parsed> cache = new ConcurrentHashMap<>();

    /**
     * The attributes declared for a configuration PID by any of the jars, by key; empty when none declares it
     * (then nothing can be checked). A jar that cannot be read is skipped with a warning.
     */
    public Map<String, DeclaredSetting> declared(List<Path> jars, String pid) {
        Map<String, DeclaredSetting> found = new LinkedHashMap<>();
        for (Path jar : jars) {
            found.putAll(parsed(jar).getOrDefault(pid, Map.of()));
        }
        return found;
    }

    private Map<String, Map<String, DeclaredSetting>> parsed(Path jar) {
        try {
            if (!Files.isRegularFile(jar)) {
                return Map.of();
            }
            long size = Files.size(jar);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            Parsed cached = cache.get(jar);
            if (cached != null && cached.size() == size && cached.modified() == modified) {
                return cached.byPid();
            }
            Map<String, Map<String, DeclaredSetting>> byPid = read(jar);
            cache.put(jar, new Parsed(size, modified, byPid));
            return byPid;
        } catch (IOException | SAXException | ParserConfigurationException e) {
            LOG.warn("Cannot read the settings declared in {}: {}", jar, e.getMessage());
            return Map.of();
        }
    }

    private static Map<String, Map<String, DeclaredSetting>> read(Path jar)
            throws IOException, SAXException, ParserConfigurationException {
        Map<String, Map<String, DeclaredSetting>> byOcd = new HashMap<>();
        Map<String, List<String>> ocdsByPid = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().startsWith(METATYPE_DIR) && entry.getName().endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        readDocument(parse(in), byOcd, ocdsByPid);
                    }
                }
            }
        }
        Map<String, Map<String, DeclaredSetting>> byPid = new HashMap<>();
        // several components may designate their own definitions for one PID: the PID takes all their attributes
        ocdsByPid.forEach((pid, ocds) -> ocds.stream().filter(byOcd::containsKey)
                .forEach(ocd -> byPid.computeIfAbsent(pid, p -> new LinkedHashMap<>()).putAll(byOcd.get(ocd))));
        return byPid;
    }

    /** Reads one Metatype document: its definitions by id, and which definitions each PID is designated. */
    private static void readDocument(Document doc, Map<String, Map<String, DeclaredSetting>> byOcd,
                             Map<String, List<String>> ocdsByPid) {
        NodeList ocds = doc.getElementsByTagNameNS("*", "OCD");
        for (int i = 0; i < ocds.getLength(); i++) {
            Element ocd = (Element) ocds.item(i);
            Map<String, DeclaredSetting> attributes = new LinkedHashMap<>();
            NodeList ads = ocd.getElementsByTagNameNS("*", "AD");
            for (int j = 0; j < ads.getLength(); j++) {
                Element ad = (Element) ads.item(j);
                List<String> options = new ArrayList<>();
                NodeList optionNodes = ad.getElementsByTagNameNS("*", "Option");
                for (int k = 0; k < optionNodes.getLength(); k++) {
                    options.add(((Element) optionNodes.item(k)).getAttribute("value"));
                }
                String type = ad.getAttribute("type").isEmpty() ? "String" : ad.getAttribute("type");
                attributes.put(ad.getAttribute("id"), new DeclaredSetting(ad.getAttribute("id"), type, options));
            }
            byOcd.put(ocd.getAttribute("id"), attributes);
        }
        NodeList designates = doc.getElementsByTagNameNS("*", "Designate");
        for (int i = 0; i < designates.getLength(); i++) {
            Element designate = (Element) designates.item(i);
            String pid = designate.getAttribute("pid").isEmpty()
                    ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
            NodeList objects = designate.getElementsByTagNameNS("*", "Object");
            if (!pid.isEmpty() && objects.getLength() > 0) {
                ocdsByPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(((Element) objects.item(0)).getAttribute("ocdref"));
            }
        }
    }

    static Document parse(InputStream in) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // a plugin's jar is not trusted: no DTDs, no external entities
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(in);
    }
}
