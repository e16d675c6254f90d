package dev.rcidentity.testing;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps every log line of the JVM while open: the project's own at INFO and above (its operators' level; only WARN
 * and above still reach the console), everything else at the level the test configuration gives it. Each line is
 * the formatted message with its stack trace, so a test can look for text that must never be logged.
 */
public final class LogCapture implements AutoCloseable {
    private static final String PROJECT = "dev.rcidentity";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Appender appender = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getMessage().getFormattedMessage());
            if (event.getThrown() != null) {
                StringWriter trace = new StringWriter();
                event.getThrown().printStackTrace(new PrintWriter(trace));
                line.append('\n').append(trace);
            }
            lines.add(line.toString());
        }
    };
    private final LoggerConfig project;
    private final Level projectLevel;

    public LogCapture() {
        appender.start();
        Configuration config = context.getConfiguration();
        config.getRootLogger().addAppender(appender, null, null);
        project = config.getLoggerConfig(PROJECT);
        if (!PROJECT.equals(project.getName())) {
            throw new IllegalStateException("the test logging configuration has no logger for " + PROJECT);
        }
        projectLevel = project.getLevel();
        project.setLevel(Level.INFO);
        project.setAdditive(false);
        config.getRootLogger().getAppenders().values().stream().filter(a -> a != appender)
                .forEach(console -> project.addAppender(console, Level.WARN, null));
        project.addAppender(appender, null, null);
        context.updateLoggers();
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        project.getAppenders().keySet().forEach(project::removeAppender);
        project.setAdditive(true);
        project.setLevel(projectLevel);
        config.getRootLogger().removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
