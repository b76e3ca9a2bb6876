package com.livegov.governance.settlement;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly commission settlement over REST: load the month's figures, start the settlement of a month, read
 * it back, and export the approved payouts as CSV. HR's review and the director's approval are tasks in the
 * inbox ({@code /usertasks/instance}).
 */
@RestController
@RequestMapping("/commission-settlements")
class SettlementController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final SettlementStarter starter;
    private final SettlementRecords records;
    private final CommissionFigures figures;
    private final SettlementProperties properties;
    private final FiguresUpload upload;

    SettlementController(SettlementStarter starter, SettlementRecords records, CommissionFigures figures, SettlementProperties properties,
            FiguresUpload upload) {
        this.starter = starter;
        this.records = records;
        this.figures = figures;
        this.properties = properties;
        this.upload = upload;
    }

    /** What starts a settlement: the month ({@code 2026-10}); a {@code startedBy} is ignored, the login starts it. */
    record StartRequest(String month, String startedBy) {
    }

    @PostMapping
    ResponseEntity<SettlementView> start(@RequestBody StartRequest request, java.security.Principal login) {
        SettlementMonth month = SettlementMonth.parse(request.month());
        starter.start(month.toString(), login.getName());
        return ResponseEntity.created(URI.create("/commission-settlements/" + month)).body(view(month));
    }

    @GetMapping("/{month}")
    SettlementView settlement(@PathVariable String month) {
        return view(SettlementMonth.parse(month));
    }

    /** No settlement of the month was ever started. */
    static class UnknownSettlement extends RuntimeException {
        UnknownSettlement(SettlementMonth month) {
            super("No settlement of " + month);
        }
    }

    /** The approved payouts; 409 while the month's settlement is not approved. */
    @GetMapping("/{month}/payouts.csv")
    ResponseEntity<String> payouts(@PathVariable String month) {
        SettlementView settlement = view(SettlementMonth.parse(month));
        if (!settlement.isApproved()) {
            throw new SettlementConflict("The payouts of " + settlement.month() + " are not approved: the settlement is " + settlement.status());
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"commission-payouts-" + settlement.month() + ".csv\"")
                .body(PayoutsCsv.of(settlement));
    }

    /** One streamer's figures of a month: {@code sales}, {@code target}, {@code trafficSales}, optional {@code profitPool}; loaded by the logged-in user ({@code loadedBy} is ignored). */
    @PutMapping("/figures/{month}/{streamerId}")
    Map<String, Object> loadOne(@PathVariable String month, @PathVariable String streamerId, @RequestBody Map<String, Object> body,
            java.security.Principal login) {
        SettlementMonth settled = figuresMonth(month);
        List<SettlementRefused.FieldError> errors = new ArrayList<>();
        String loadedBy = login.getName();
        MonthlyFigures read = MonthlyFigures.read(body, "", Set.of("loadedBy"), errors);
        refuseIfAny(errors);
        figures.load(settled, Map.of(streamerId, read), loadedBy);
        return Map.of("month", settled.toString(), "streamerId", streamerId, "loaded", 1);
    }

    /** Many streamers' figures of a month at once, all or nothing: {@code {"loadedBy": ..., "figures": [{"streamerId": ..., ...}]}}. */
    @PostMapping("/figures/{month}")
    Map<String, Object> loadMany(@PathVariable String month, @RequestBody Map<String, Object> body, java.security.Principal login) {
        SettlementMonth settled = figuresMonth(month);
        List<SettlementRefused.FieldError> errors = new ArrayList<>();
        String loadedBy = login.getName();
        body.keySet().stream().filter(key -> !Set.of("loadedBy", "figures").contains(key)).sorted()
                .forEach(key -> errors.add(new SettlementRefused.FieldError(key, "is not a field of a figures load")));
        Map<String, MonthlyFigures> byStreamer = new LinkedHashMap<>();
        if (!(body.get("figures") instanceof List<?> list) || list.isEmpty()) {
            errors.add(new SettlementRefused.FieldError("figures", "must be a non-empty list of streamers' figures"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String prefix = "figures[" + i + "].";
                if (!(list.get(i) instanceof Map<?, ?> entry) || !(entry.get("streamerId") instanceof String streamerId) || streamerId.isBlank()) {
                    errors.add(new SettlementRefused.FieldError(prefix + "streamerId", "is required"));
                    continue;
                }
                @SuppressWarnings("unchecked")
                MonthlyFigures read = MonthlyFigures.read((Map<String, ?>) entry, prefix, Set.of("streamerId"), errors);
                if (byStreamer.containsKey(streamerId)) {
                    errors.add(new SettlementRefused.FieldError(prefix + "streamerId", streamerId + " appears twice"));
                }
                byStreamer.put(streamerId, read);
            }
        }
        refuseIfAny(errors);
        figures.load(settled, byStreamer, loadedBy);
        return Map.of("month", settled.toString(), "loaded", byStreamer.size());
    }

    /**
     * The same, from a CSV file ({@code text/csv}, UTF-8; columns {@code streamerId,sales,target,trafficSales,profitPool}):
     * all or nothing; a refused file answers 400 with the row and column of every error.
     */
    @PostMapping(path = "/figures/{month}", consumes = "text/csv")
    Map<String, Object> loadCsv(@PathVariable String month, @RequestBody byte[] csv, java.security.Principal login) {
        FiguresUpload.Loaded loaded = upload.upload(month, csv, login.getName());
        return Map.of("month", loaded.month(), "loaded", loaded.loaded(), "fileSha256", loaded.fileSha256());
    }

    @GetMapping("/figures/{month}")
    Map<String, Object> figuresOf(@PathVariable String month) {
        SettlementMonth settled = SettlementMonth.parse(month);
        return Map.of("month", settled.toString(), "figures", figures.listed(settled));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownSettlement e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("No settlement");
        return problemResponse(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(SettlementConflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not possible in the month's state");
        return problemResponse(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(SettlementRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Request refused");
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        return problemResponse(problem);
    }

    /** Problems are JSON also for the CSV endpoint, whatever the client accepts. */
    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private SettlementView view(SettlementMonth month) {
        return records.ofMonth(month).orElseThrow(() -> new UnknownSettlement(month));
    }

    private SettlementMonth figuresMonth(String month) {
        SettlementMonth settled = SettlementMonth.parse(month);
        if (settled.isAfterCurrent(properties.zone())) {
            throw new SettlementRefused(month + " has not begun: figures are loaded for a month under way or past");
        }
        return settled;
    }

    private static void refuseIfAny(List<SettlementRefused.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new SettlementRefused("The figures were refused; nothing was loaded", errors);
        }
    }
}
