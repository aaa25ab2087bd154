package org.vitrine.core.logging;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the OSGi log (where the framework and Declarative Services report errors, such as a component
 * that failed to activate) into the one logging configuration, so nothing the runtime says is lost.
 */
@Component(immediate = true)
public class OsgiLogBridge implements LogListener {

    private final LogReaderService reader;

    @Activate
    public OsgiLogBridge(@Reference LogReaderService reader) {
        this.reader = reader;
        reader.addLogListener(this);
    }

    @Deactivate
    void deactivate() {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        String name = entry.getLoggerName() != null && !"LogService".equals(entry.getLoggerName())
                ? entry.getLoggerName() : "osgi." + entry.getBundle().getSymbolicName();
        Logger logger = LoggerFactory.getLogger(name);
        String message = entry.getMessage();
        Throwable failure = entry.getException();
        switch (entry.getLogLevel()) {
            case AUDIT, ERROR -> logger.error(message, failure);
            case WARN -> logger.warn(message, failure);
            case INFO -> logger.info(message, failure);
            default -> logger.debug(message, failure);
        }
    }
}
