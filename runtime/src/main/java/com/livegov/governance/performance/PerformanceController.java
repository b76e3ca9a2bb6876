package com.livegov.governance.performance;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.livegov.governance.imports.ImportMessages;
import com.livegov.governance.imports.ImportRefused;
import com.livegov.governance.imports.Refusal;
import com.livegov.governance.imports.UploadLimit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The performance assessment's API: the month's scores per streamer (JSON or CSV, all or nothing), HR's start of one
 * month, and a streamer's performance record. Who may call what is {@code security/SecurityConfig}'s; the record also
 * checks here that an ops-manager asks about one of their own streamers.
 */
@RestController
class PerformanceController {

    private static final Set<String> RECORD_READERS = Set.of("hr", "legal", "admin", "director");

    private final PerformanceFigures figures;
    private final PerformanceStarter starter;
    private final PerformanceRecords records;
    private final PerformanceProperties properties;
    private final ImportMessages messages;

    PerformanceController(PerformanceFigures figures, PerformanceStarter starter, PerformanceRecords records, PerformanceProperties properties,
            ImportMessages messages) {
        this.figures = figures;
        this.starter = starter;
        this.records = records;
        this.properties = properties;
        this.messages = messages;
    }

    /** Assesses a month ({@code {"month": "2026-10"}}): every active streamer's assessment starts, or none does. */
    @PostMapping("/performance-assessments")
    ResponseEntity<Map<String, Object>> start(@RequestBody Map<String, Object> body, Authentication login) {
        List<PerformanceRefused.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(key -> !Set.of("month").contains(key)).sorted()
                .forEach(key -> errors.add(new PerformanceRefused.FieldError(key, "is not a field of an assessment start")));
        if (!(body.get("month") instanceof String month)) {
            errors.add(new PerformanceRefused.FieldError("month", "is required, as yyyy-MM"));
            throw new PerformanceRefused("The assessment was not started", errors);
        }
        refuseIfAny(errors, "The assessment was not started");
        AssessedMonth assessed = AssessedMonth.parse(month);
        List<String> ids = starter.start(assessed.toString(), login.getName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("month", assessed.toString());
        answer.put("startedBy", login.getName());
        answer.put("assessments", ids);
        return ResponseEntity.created(URI.create("/performance-assessments/" + assessed)).body(answer);
    }

    /**
     * Many streamers' scores of a month at once, all or nothing: {@code {"figures": [{"streamerId": ..., "trafficScore": ...,
     * ...}]}}; loaded by the logged-in user.
     */
    @PostMapping(path = "/performance-assessments/figures/{month}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> loadJson(@PathVariable String month, @RequestBody Map<String, Object> body, Authentication login) {
        AssessedMonth assessed = figuresMonth(month);
        List<PerformanceRefused.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(key -> !key.equals("figures")).sorted()
                .forEach(key -> errors.add(new PerformanceRefused.FieldError(key, "is not a field of a scores load")));
        Map<String, IndicatorScores> byStreamer = new LinkedHashMap<>();
        if (!(body.get("figures") instanceof List<?> list) || list.isEmpty()) {
            errors.add(new PerformanceRefused.FieldError("figures", "must be a non-empty list of streamers' scores"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String prefix = "figures[" + i + "].";
                if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("streamerId") instanceof String streamerId) || streamerId.isBlank()) {
                    errors.add(new PerformanceRefused.FieldError(prefix + "streamerId", "is required"));
                    continue;
                }
                @SuppressWarnings("unchecked")
                IndicatorScores read = IndicatorScores.read((Map<String, ?>) entry, prefix, Set.of("streamerId"), errors);
                if (byStreamer.containsKey(streamerId)) {
                    errors.add(new PerformanceRefused.FieldError(prefix + "streamerId", streamerId + " appears twice"));
                }
                byStreamer.put(streamerId, read);
            }
        }
        refuseIfAny(errors, "The scores were refused; nothing was loaded");
        List<String> unknown = figures.unknownStreamers(byStreamer.keySet());
        if (!unknown.isEmpty()) {
            List<String> ids = new ArrayList<>(byStreamer.keySet());
            unknown.forEach(id -> errors.add(new PerformanceRefused.FieldError("figures[" + ids.indexOf(id) + "].streamerId", "no streamer " + id)));
            refuseIfAny(errors, "The scores were refused; nothing was loaded");
        }
        figures.load(assessed, byStreamer, login.getName(), "JSON", null);
        return Map.of("month", assessed.toString(), "loaded", byStreamer.size());
    }

    /**
     * The same from a CSV file ({@code text/csv}, UTF-8; see {@link ScoresCsv}): all or nothing; a refused file answers 400
     * with the row and column of every error.
     */
    @PostMapping(path = "/performance-assessments/figures/{month}", consumes = "text/csv")
    Map<String, Object> loadCsv(@PathVariable String month, @RequestBody byte[] csv, Authentication login) {
        UploadLimit.check(csv);
        AssessedMonth assessed = figuresMonth(month);
        List<Refusal> refusals = new ArrayList<>();
        ScoresCsv.Read read = ScoresCsv.read(csv, refusals);
        figures.unknownStreamers(read.rows().keySet())
                .forEach(id -> refusals.add(Refusal.at(read.rows().get(id), ScoresCsv.STREAMER_ID, "UNKNOWN_STREAMER", id)));
        if (!refusals.isEmpty()) {
            var errors = messages.describe(refusals);
            throw new ImportRefused(messages.text("imports.refused", errors.size()), errors);
        }
        String sha256 = sha256(csv);
        figures.load(assessed, read.scores(), login.getName(), "CSV", sha256);
        return Map.of("month", assessed.toString(), "loaded", read.scores().size(), "fileSha256", sha256);
    }

    /**
     * A streamer's performance record: for HR, legal, admin and the director; for the streamer's own ops-manager; and
     * for the streamer themself (only their own, see SecurityConfig).
     */
    @GetMapping("/performance/{streamerId}")
    Map<String, Object> record(@PathVariable String streamerId, Authentication login) {
        var opsManager = records.opsManagerOf(streamerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No streamer " + streamerId));
        List<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        boolean reader = groups.stream().anyMatch(RECORD_READERS::contains);
        boolean self = groups.contains("streamer") && login.getName().equals(streamerId);
        boolean ownOpsManager = groups.contains("ops-manager") && opsManager.map(login.getName()::equals).orElse(false);
        if (!reader && !self && !ownOpsManager) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the streamer's own ops-manager sees their performance record");
        }
        return Map.of("streamerId", streamerId, "months", records.months(streamerId));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PerformanceRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Request refused");
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problemResponse(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(PerformanceConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the month's state");
        return problemResponse(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.getStatusCode(), e.getReason());
        return problemResponse(problem);
    }

    /** Problems are JSON also for the CSV endpoint, whatever the client accepts. */
    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private AssessedMonth figuresMonth(String month) {
        AssessedMonth assessed = AssessedMonth.parse(month);
        if (assessed.isAfterCurrent(properties.zone())) {
            throw new PerformanceRefused(month + " has not begun: scores are loaded for a month under way or past");
        }
        return assessed;
    }

    private static void refuseIfAny(List<PerformanceRefused.FieldError> errors, String message) {
        if (!errors.isEmpty()) {
            throw new PerformanceRefused(message, errors);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
