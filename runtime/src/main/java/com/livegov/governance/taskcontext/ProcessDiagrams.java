package com.livegov.governance.taskcontext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.livegov.governance.history.ProcessEvent;
import org.springframework.stereotype.Component;

/**
 * The BPMN file of each process, as built into the application (the {@code processes} module's jar holds them
 * at the root of the class path, named after the process id), and the path an instance took through it.
 */
@Component
class ProcessDiagrams {

    private static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Map<String, Optional<String>> files = new ConcurrentHashMap<>();

    /** The process's BPMN XML, if the application has it. */
    Optional<String> bpmn(String processId) {
        if (processId == null || !PROCESS_ID.matcher(processId).matches()) {
            return Optional.empty();
        }
        return files.computeIfAbsent(processId, ProcessDiagrams::read);
    }

    /** The elements the instance has left, in the order each was first left. */
    static List<String> passed(List<ProcessEvent> history) {
        LinkedHashSet<String> passed = new LinkedHashSet<>();
        history.stream().filter(event -> "NODE_LEFT".equals(event.eventType()) && event.nodeId() != null)
                .forEach(event -> passed.add(event.nodeId()));
        return List.copyOf(passed);
    }

    private static Optional<String> read(String processId) {
        try (InputStream in = ProcessDiagrams.class.getResourceAsStream("/" + processId + ".bpmn")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the BPMN file of " + processId, e);
        }
    }
}
