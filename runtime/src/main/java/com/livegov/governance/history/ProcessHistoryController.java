package com.livegov.governance.history;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Read access to the process history, also for instances Kogito has already deleted.
 */
@RestController
@RequestMapping("/history")
class ProcessHistoryController {

    private final ProcessHistory history;

    ProcessHistoryController(ProcessHistory history) {
        this.history = history;
    }

    @GetMapping("/streamers/{streamerId}")
    List<ProcessEvent> streamer(@PathVariable String streamerId) {
        return found(history.ofStreamer(streamerId), "No process history of " + streamerId);
    }

    @GetMapping("/process-instances/{processInstanceId}")
    List<ProcessEvent> processInstance(@PathVariable String processInstanceId) {
        return found(history.ofProcessInstance(processInstanceId), "No process instance " + processInstanceId);
    }

    private static List<ProcessEvent> found(List<ProcessEvent> events, String otherwise) {
        if (events.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, otherwise);
        }
        return events;
    }
}
