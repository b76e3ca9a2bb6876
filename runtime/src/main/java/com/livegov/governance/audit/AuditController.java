package com.livegov.governance.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP: its verification, browsing, and the evidence pack per streamer (JSON or CSV).
 */
@RestController
@RequestMapping("/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail and the evidence packs for legal")
class AuditController {

    static final int MAX_LIMIT = 1000;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final ChainVerification verification;
    private final AuditChain chain;
    private final EvidencePacks evidence;
    private final ObjectMapper json;
    private final AuditSealer sealer;

    AuditController(ChainVerification verification, AuditChain chain, EvidencePacks evidence, ObjectMapper json, AuditSealer sealer) {
        this.sealer = sealer;
        this.verification = verification;
        this.chain = chain;
        this.evidence = evidence;
        this.json = json;
    }

    @GetMapping("/verification")
    @Operation(summary = "Walks the whole chain and reports whether it is intact, or its first break")
    ChainVerification.Report verification() {
        sealer.seal();
        return verification.verify();
    }

    @GetMapping("/entries")
    @Operation(summary = "Audit entries in order, optionally of one streamer or process instance; page with after=<last sequence>")
    List<RecordedEntry> entries(@RequestParam(required = false) String streamer, @RequestParam(required = false) String processInstance,
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadAuditRequest("limit must be from 1 to " + MAX_LIMIT + ", not " + limit);
        }
        sealer.seal();
        return chain.find(blankToNull(streamer), blankToNull(processInstance), after, limit);
    }

    @GetMapping("/evidence/{streamerId}")
    @Operation(summary = "The evidence pack of a streamer: audit entries, decisions, account actions with approvals, offboarding (format=csv for a spreadsheet)")
    ResponseEntity<?> evidence(@PathVariable String streamerId, @RequestParam(defaultValue = "json") String format) {
        return switch (format) {
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack(streamerId));
            case "csv" -> csv(streamerId);
            default -> throw new BadAuditRequest("format must be json or csv, not " + format);
        };
    }

    @GetMapping("/evidence/{streamerId}.csv")
    @Operation(summary = "The evidence pack of a streamer as one CSV file")
    ResponseEntity<?> csv(@PathVariable String streamerId) {
        String fileName = "evidence-" + streamerId.replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(EvidenceCsv.of(pack(streamerId), json));
    }

    private EvidencePacks.EvidencePack pack(String streamerId) {
        sealer.seal();
        return evidence.of(streamerId).orElseThrow(() -> new UnknownStreamer(streamerId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownStreamer(UnknownStreamer e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown streamer", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badRequest(BadAuditRequest e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad audit request", e.getMessage());
    }

    /** A problem answer as JSON, also to a request that asked for CSV. */
    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** No streamer has this id. */
    static class UnknownStreamer extends RuntimeException {
        UnknownStreamer(String streamerId) {
            super("No streamer " + streamerId);
        }
    }

    /** A query parameter out of range. */
    static class BadAuditRequest extends RuntimeException {
        BadAuditRequest(String message) {
            super(message);
        }
    }
}
