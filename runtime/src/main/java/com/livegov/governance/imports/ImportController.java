package com.livegov.governance.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
    private final ImportMessages messages;

    ImportController(StreamerImport imports, ImportMessages messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(path = "/streamers", consumes = { "text/csv", MediaType.APPLICATION_JSON_VALUE })
    ImportResult streamers(@RequestBody byte[] content, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type, Principal login) {
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            throw new ImportRefused(messages.text("imports.refused", 1),
                    messages.describe(List.of(Refusal.ofFile("NOT_UTF8"))));
        }
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

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(messages.text("imports.refused.title"));
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.text("imports.too-large", UploadLimit.MAX_UPLOAD_BYTES));
        problem.setTitle(messages.text("imports.too-large.title"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
