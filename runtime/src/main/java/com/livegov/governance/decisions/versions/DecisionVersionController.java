package com.livegov.governance.decisions.versions;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.livegov.governance.decisions.checks.CheckReport;
import com.livegov.governance.decisions.checks.Finding;
import com.livegov.governance.decisions.checks.VersionDiff;
import com.livegov.governance.decisions.whatif.WhatIfReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The versions of the decision models over HTTP: history, download, drafts with their checks and what-if, submission,
 * second-owner approval with effective dates, rejection, rollback, the difference between two versions. Staff may
 * read; only a model's owners change it ({@link DecisionChanges} decides, from the logged-in user's groups).
 */
@RestController
@RequestMapping("/decision-models")
@Tag(name = "Decision versions", description = "Legal and HR change their decision tables: drafts, checks, four eyes, effective dates")
class DecisionVersionController {

    private final DecisionChanges changes;
    private final MessageSource messages;

    DecisionVersionController(DecisionChanges changes, MessageSource messages) {
        this.changes = changes;
        this.messages = messages;
    }

    /** A draft's content as JSON. */
    record DraftContent(String xml, String examples) {
    }

    record Note(String text) {
    }

    record Approval(String comment, Instant effectiveFrom, Instant effectiveUntil) {
    }

    record SavedAnswer(DecisionVersion version, boolean passed, int examplesRun, List<FindingAnswer> findings) {
    }

    record FindingAnswer(Finding.Check check, String code, String message, String element) {
    }

    record ChangeAnswer(String decision, String code, String message) {
    }

    @GetMapping
    @Operation(summary = "Every decision model: owners, the version in force, scheduled versions, open drafts")
    List<DecisionChanges.ModelSummary> models(Authentication user) {
        return changes.models(user);
    }

    @GetMapping("/{model}/versions")
    @Operation(summary = "The versions of a model, newest first, with who, when and why")
    List<DecisionVersion> history(@PathVariable String model) {
        return changes.history(model);
    }

    @GetMapping("/{model}/versions/{number}")
    @Operation(summary = "One version")
    DecisionVersion version(@PathVariable String model, @PathVariable int number) {
        return changes.version(model, number);
    }

    @GetMapping("/{model}/versions/{number}/dmn")
    @Operation(summary = "One version as a .dmn file (DMN 1.3, opens in the Camunda Modeler)")
    ResponseEntity<String> download(@PathVariable String model, @PathVariable int number) {
        String xml = changes.xml(model, number);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(model + "-v" + number + ".dmn").build().toString())
                .body(xml);
    }

    @GetMapping(value = "/{model}/versions/{number}/examples", produces = "text/csv")
    @Operation(summary = "The examples kept with one version (inputs, expected outputs, rule)")
    String examples(@PathVariable String model, @PathVariable int number) {
        return changes.examples(model, number);
    }

    @PostMapping("/{model}/drafts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Starts a draft from the version in force (owners)")
    DecisionVersion startDraft(@PathVariable String model, Authentication user) {
        return changes.startDraft(model, user);
    }

    @PutMapping("/{model}/versions/{number}")
    @Operation(summary = "Saves a draft's XML and examples; answers what the checks found (the author)")
    SavedAnswer save(@PathVariable String model, @PathVariable int number, @RequestBody DraftContent content, Authentication user,
            Locale locale) {
        DecisionChanges.Saved saved = changes.save(model, number, content.xml(), content.examples(), VersionOrigin.EDITOR, user);
        return answer(saved.version(), saved.checks(), locale);
    }

    @PostMapping(value = "/{model}/versions/{number}/dmn", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Replaces a draft's XML with a .dmn file saved from the Camunda Modeler (the author)")
    SavedAnswer upload(@PathVariable String model, @PathVariable int number, @RequestPart("file") MultipartFile file,
            Authentication user, Locale locale) throws IOException {
        String xml = utf8(file.getBytes());
        DecisionChanges.Saved saved = changes.save(model, number, xml, changes.examples(model, number), VersionOrigin.UPLOAD, user);
        return answer(saved.version(), saved.checks(), locale);
    }

    @GetMapping("/{model}/versions/{number}/checks")
    @Operation(summary = "Runs the checks on a version against the version in force")
    SavedAnswer checks(@PathVariable String model, @PathVariable int number, Locale locale) {
        return answer(changes.version(model, number), changes.checks(model, number), locale);
    }

    @GetMapping("/{model}/versions/{number}/what-if")
    @Operation(summary = "Replays a version on the most recent real evaluations of the version in force (up to 10,000)")
    WhatIfReport whatIf(@PathVariable String model, @PathVariable int number) {
        return changes.whatIf(model, number);
    }

    @PostMapping("/{model}/versions/{number}/submit")
    @Operation(summary = "Submits a draft with a change note for a second owner's approval (the author)")
    DecisionVersion submit(@PathVariable String model, @PathVariable int number, @RequestBody Note note, Authentication user) {
        return changes.submit(model, number, note.text(), user);
    }

    @PostMapping("/{model}/versions/{number}/withdraw")
    @Operation(summary = "Withdraws a draft or a submitted version (the author)")
    DecisionVersion withdraw(@PathVariable String model, @PathVariable int number, Authentication user) {
        return changes.withdraw(model, number, user);
    }

    @PostMapping("/{model}/versions/{number}/approve")
    @Operation(summary = "Approves a submitted version (another owner): in force now, or from a future instant, optionally until one")
    DecisionVersion approve(@PathVariable String model, @PathVariable int number, @RequestBody Approval approval, Authentication user) {
        return changes.approve(model, number, approval.comment(), approval.effectiveFrom(), approval.effectiveUntil(), user);
    }

    @PostMapping("/{model}/versions/{number}/reject")
    @Operation(summary = "Rejects a submitted version with a comment (another owner)")
    DecisionVersion reject(@PathVariable String model, @PathVariable int number, @RequestBody Note note, Authentication user) {
        return changes.reject(model, number, note.text(), user);
    }

    @PostMapping("/{model}/rollback")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Puts the previous version back in force at once, with a reason (owners); a second owner confirms it")
    DecisionVersion rollback(@PathVariable String model, @RequestBody Note reason, Authentication user) {
        return changes.rollback(model, reason.text(), user);
    }

    @PostMapping("/{model}/versions/{number}/confirm-rollback")
    @Operation(summary = "Confirms a rollback (another owner)")
    DecisionVersion confirmRollback(@PathVariable String model, @PathVariable int number, @RequestBody(required = false) Note note,
            Authentication user) {
        return changes.confirmRollback(model, number, note == null ? null : note.text(), user);
    }

    @GetMapping("/{model}/diff")
    @Operation(summary = "What changed between two versions, rule by rule and cell by cell, in words")
    List<ChangeAnswer> diff(@PathVariable String model, @RequestParam int from, @RequestParam int to, Locale locale) {
        List<VersionDiff.Change> diff = changes.diff(model, from, to);
        return diff.stream().map(c -> new ChangeAnswer(c.decision(), c.code(),
                messages.getMessage(c.messageKey(), c.args().toArray(), c.code(), locale))).toList();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(DecisionChangeRefused e, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(),
                messages.getMessage(e.messageKey(), new Object[] {e.argument()}, e.getMessage(), locale));
        problem.setTitle(messages.getMessage("decisionVersion.refused", null, "Decision change refused", locale));
        problem.setProperty("code", e.code());
        if (!e.findings().isEmpty()) {
            problem.setProperty("findings", findings(e.findings(), locale));
        }
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private SavedAnswer answer(DecisionVersion version, CheckReport report, Locale locale) {
        return new SavedAnswer(version, report.passed(), report.examplesRun(), findings(report.findings(), locale));
    }

    private List<FindingAnswer> findings(List<Finding> findings, Locale locale) {
        return findings.stream().map(f -> new FindingAnswer(f.check(), f.code(),
                messages.getMessage(f.messageKey(), f.args().toArray(), f.code(), locale), f.element())).toList();
    }

    /** The file as UTF-8 text; bytes that are not UTF-8 are refused rather than guessed. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DecisionChangeRefused(HttpStatus.BAD_REQUEST, "notUtf8", "");
        }
    }

}
