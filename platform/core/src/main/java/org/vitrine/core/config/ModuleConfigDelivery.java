package org.vitrine.core.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.features.Feature;

/**
 * Delivers module settings to the module's components through ConfigAdmin: the defaults in the module's
 * feature file, overridden by {@code config/<module-id>.properties}. Values may refer to the environment
 * with {@code ${env:NAME}} (secrets belong there, not in files). Components receive changes through
 * {@code @Modified} without a restart; a configuration is only updated when its content changed. Values from the
 * file are checked against the types the module's components declare (their OSGi Metatype): a value that does not
 * fit is not delivered, so the components keep the last good settings, and the module is told why.
 */
public final class ModuleConfigDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleConfigDelivery.class);

    private final ConfigurationAdmin admin;
    private final Path configDir;
    private final Map<String, Map<String, Object>> delivered = new HashMap<>();
    private final ModuleMetatype metatype = new ModuleMetatype();

    public ModuleConfigDelivery(ConfigurationAdmin admin, Path configDir) {
        this.admin = admin;
        this.configDir = configDir;
    }

    /** The settings file of that name in {@code config/}. */
    public Path fileOf(String configFile) {
        return configDir.resolve(configFile + ".properties");
    }

    /**
     * Delivers one module's configurations; nothing is delivered when the file has a problem.
     *
     * @param jars the module's bundle jars, whose Metatype declares the types of the settings
     * @return a problem naming the file, the key and the value when the module's settings are unusable, else
     *         {@code null}
     */
    public String deliver(Feature feature, List<Path> jars) {
        Map<String, Object> fromFile;
        Path file = fileOf(feature.configFile());
        try {
            fromFile = readModuleFile(file);
            if (feature.configPid() != null) {
                checkTypes(file, fromFile, metatype.declared(jars, feature.configPid()));
            }
        } catch (InvalidSettingException e) {
            return e.getMessage();
        }
        try {
            boolean fileDelivered = false;
            for (var entry : feature.configurations().entrySet()) {
                Map<String, Object> props = new LinkedHashMap<>(entry.getValue());
                if (entry.getKey().equals(feature.configPid())) {
                    props.putAll(fromFile);
                    fileDelivered = true;
                }
                update(entry.getKey(), props);
            }
            if (!fileDelivered && feature.configPid() != null) {
                update(feature.configPid(), fromFile);
            }
            return null;
        } catch (IOException e) {
            return "could not deliver the configuration of " + feature.moduleId() + ": " + e.getMessage();
        }
    }

    private void update(String pid, Map<String, Object> props) throws IOException {
        if (props.equals(delivered.get(pid))) {
            return;
        }
        Configuration configuration;
        int tilde = pid.indexOf('~');
        if (tilde > 0) {
            configuration = admin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?");
        } else {
            configuration = admin.getConfiguration(pid, "?");
        }
        Dictionary<String, Object> dict = new Hashtable<>(props);
        configuration.updateIfDifferent(dict);
        delivered.put(pid, Map.copyOf(props));
        LOG.info("Configuration {} delivered ({} keys)", pid, props.size());
    }

    /** Refuses the first value that the declared attribute of its key cannot take; undeclared keys pass. */
    static void checkTypes(Path file, Map<String, Object> values, Map<String, DeclaredSetting> declared)
            throws InvalidSettingException {
        for (var entry : values.entrySet()) {
            DeclaredSetting setting = declared.get(entry.getKey());
            if (setting != null && entry.getValue() != null) {
                String problem = setting.problemWith(entry.getValue().toString());
                if (problem != null) {
                    throw new InvalidSettingException(file + ": key '" + entry.getKey() + "': '" + entry.getValue()
                            + "' " + problem);
                }
            }
        }
    }

    /** Reads a module file with Commons Configuration; a missing file means no settings. */
    static Map<String, Object> readModuleFile(Path file) throws InvalidSettingException {
        Map<String, Object> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        PropertiesConfiguration config = new PropertiesConfiguration();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Commons Configuration looks up helpers through the context class loader: make it its own
        thread.setContextClassLoader(PropertiesConfiguration.class.getClassLoader());
        try {
            new FileHandler(config).load(file.toFile());
            for (Iterator<String> keys = config.getKeys(); keys.hasNext(); ) {
                String key = keys.next();
                String value = config.getString(key);
                if (value != null && value.contains("${")) {
                    throw new InvalidSettingException(file + ": key '" + key + "' refers to " + value
                            + ", which is not set (is the environment variable defined?)");
                }
                values.put(key, value);
            }
            return values;
        } catch (ConfigurationException e) {
            throw new InvalidSettingException(file + ": cannot be read: " + e.getMessage());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A module's settings file cannot be used; the message names the file and the key. */
    static final class InvalidSettingException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidSettingException(String message) {
            super(message);
        }
    }
}
