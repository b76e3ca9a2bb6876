package com.livegov.governance.workbench;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /diagrams/<processId>.bpmn}: a process's diagram for the bpmn-js viewer, its names in the reader's
 * language. Any logged-in user may read it: it is the model, not an instance.
 */
@RestController
class DiagramsController {

    private static final MediaType XML_UTF8 = new MediaType(MediaType.APPLICATION_XML, java.nio.charset.StandardCharsets.UTF_8);

    private final DiagramTranslations diagrams;

    DiagramsController(DiagramTranslations diagrams) {
        this.diagrams = diagrams;
    }

    @GetMapping("/diagrams/{processId}.bpmn")
    ResponseEntity<String> diagram(@PathVariable String processId, Locale locale) {
        String xml = diagrams.translated(processId, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process " + processId));
        return ResponseEntity.ok().contentType(XML_UTF8).body(xml);
    }
}
