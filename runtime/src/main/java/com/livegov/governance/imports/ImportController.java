package com.livegov.governance.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /imports/streamers} with a CSV ({@code text/csv}, UTF-8) or JSON ({@code application/json}) file:
 * 200 with the counts, or 400 with every refused row and column (nothing loaded), 413 above 2 MiB.
 * {@code GET /imports/streamers/template.csv}: the columns with two example rows, to fill in a spreadsheet.
 */
@RestController
@RequestMapping("/imports")
class ImportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final StreamerImport imports;

    ImportController(StreamerImport imports) {
        this.imports = imports;
    }

    /** The file is read as UTF-8 whatever charset the request declares (clients often declare one by default). */
    @PostMapping(path = "/streamers", consumes = { "text/csv", MediaType.APPLICATION_JSON_VALUE })
    ImportResult streamers(@RequestBody byte[] content, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type, Principal login) {
        return imports.importStreamers(content, ImportFormat.of(type).orElseThrow(), login.getName());
    }

    @GetMapping("/streamers/template.csv")
    ResponseEntity<byte[]> template() throws IOException {
        try (InputStream in = new ClassPathResource("imports/streamers-template.csv").getInputStream()) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"streamers-template.csv\"")
                    .body(in.readAllBytes());
        }
    }
}
