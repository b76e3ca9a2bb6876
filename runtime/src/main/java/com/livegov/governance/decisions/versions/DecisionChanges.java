package com.livegov.governance.decisions.versions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import com.livegov.governance.decisions.DecisionCatalog;
import com.livegov.governance.decisions.PublishedDecision;
import com.livegov.governance.decisions.checks.CheckReport;
import com.livegov.governance.decisions.checks.DraftChecks;
import com.livegov.governance.decisions.checks.Finding;
import com.livegov.governance.decisions.checks.VersionDiff;
import com.livegov.governance.decisions.whatif.WhatIfReplay;
import com.livegov.governance.decisions.whatif.WhatIfReport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How the owners of a decision model change it: draft from the version in force, save (checked every time), submit
 * with a change note, approval or rejection by a second owner, effective dates, rollback. Every step is audited.
 * Refusals are {@link DecisionChangeRefused} (a 4xx with a problem document); nothing changes when one is thrown.
 * A change of the versions in force bumps the catalog's revision in the same transaction: every replica reloads
 * within its poll interval, and this one at once after the commit.
 */
@Service
@EnableConfigurationProperties(DecisionProperties.class)
public class DecisionChanges {

    private static final int MAX_NOTE = 2000;

    /** A model as the list shows it. */
    public record ModelSummary(String name, List<String> owners, boolean owner, DecisionVersion inForce,
            List<DecisionVersion> scheduled, int open) {
    }

    /** A saved draft and what its checks found. */
    public record Saved(DecisionVersion version, CheckReport checks) {
    }

    private final DecisionVersions versions;
    private final DecisionCatalog catalog;
    private final DraftChecks draftChecks;
    private final WhatIfReplay whatIf;
    private final DecisionProperties properties;
    private final AuditTrail audit;

    DecisionChanges(DecisionVersions versions, DecisionCatalog catalog, DraftChecks draftChecks, WhatIfReplay whatIf,
            DecisionProperties properties, AuditTrail audit) {
        this.versions = versions;
        this.catalog = catalog;
        this.draftChecks = draftChecks;
        this.whatIf = whatIf;
        this.properties = properties;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<ModelSummary> models(Authentication user) {
        Instant now = Instant.now();
        List<ModelSummary> summaries = new ArrayList<>();
        for (String model : versions.models()) {
            List<DecisionVersion> history = versions.history(model);
            DecisionVersion inForce = inForce(model, now).orElse(null);
            List<DecisionVersion> scheduled = history.stream()
                    .filter(v -> v.state() == VersionState.APPROVED && v.effectiveFrom().isAfter(now)).toList();
            int open = (int) history.stream()
                    .filter(v -> v.state() == VersionState.DRAFT || v.state() == VersionState.SUBMITTED || v.needsReview()).count();
            summaries.add(new ModelSummary(model, properties.ownersOf(model), isOwner(model, user), inForce, scheduled, open));
        }
        return summaries;
    }

    @Transactional(readOnly = true)
    public List<DecisionVersion> history(String model) {
        List<DecisionVersion> history = versions.history(model);
        if (history.isEmpty()) {
            throw unknownModel(model);
        }
        return history;
    }

    @Transactional(readOnly = true)
    public DecisionVersion version(String model, int number) {
        return versions.find(model, number).orElseThrow(() -> unknownVersion(model, number));
    }

    /** The version in force at an instant, as this replica's catalog knows it. */
    public Optional<DecisionVersion> inForce(String model, Instant at) {
        return catalog.at(model, at).flatMap(decision -> versions.find(model, decision.number()));
    }

    public String xml(String model, int number) {
        return versions.xml(model, number).orElseThrow(() -> unknownVersion(model, number));
    }

    public String examples(String model, int number) {
        return versions.examples(model, number).orElseThrow(() -> unknownVersion(model, number));
    }

    public boolean isOwner(String model, Authentication user) {
        if (user == null) {
            return false;
        }
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return properties.ownersOf(model).stream().anyMatch(groups::contains);
    }

    /** Starts a draft from the version in force (XML and examples copied). */
    @Transactional
    public DecisionVersion startDraft(String model, Authentication user) {
        history(model);
        requireOwner(model, user);
        DecisionVersion base = inForce(model, Instant.now()).orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingInForce", model));
        int number = versions.nextNumber(model);
        String xml = xml(model, base.number());
        versions.insertDraft(model, number, namespace(model), xml, base.hash(), examples(model, base.number()), VersionOrigin.EDITOR,
                base.number(), user.getName(), now());
        audit.record(entry(AuditAction.DECISION_DRAFTED, user, model, number, null, Map.of("basedOn", base.number())));
        return version(model, number);
    }

    /** Saves the draft's XML and examples after checking them; refused (nothing stored) when the checks refuse saving. */
    @Transactional
    public Saved save(String model, int number, String xml, String examplesCsv, VersionOrigin origin, Authentication user) {
        DecisionVersion draft = lockDraftOfAuthor(model, number, user);
        if (xml == null || xml.isBlank()) {
            throw refused(HttpStatus.BAD_REQUEST, "xmlMissing", model);
        }
        String examples = examplesCsv == null ? "" : examplesCsv;
        long size = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + (long) examples.length();
        if (size > properties.maxModelSize().toBytes()) {
            throw refused(HttpStatus.PAYLOAD_TOO_LARGE, "tooLarge", String.valueOf(properties.maxModelSize().toKilobytes()));
        }
        CheckReport report = draftChecks.check(inForceXml(model), xml, examples);
        if (report.refusesSaving()) {
            boolean format = !report.of(Finding.Check.FORMAT).isEmpty();
            throw new DecisionChangeRefused(format ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_ENTITY,
                    format ? "notThisModel" : "checksRefused", model, report.findings());
        }
        String hash = DecisionCatalog.sha256(xml);
        versions.saveDraft(model, number, xml, hash, examples, origin, now());
        audit.record(entry(AuditAction.DECISION_DRAFT_SAVED, user, model, number, null,
                Map.of("hash", hash, "origin", origin.name(), "findings", codes(report))));
        return new Saved(version(model, draft.number()), report);
    }

    /** The checks of a stored version (run again, against the version in force now). */
    @Transactional(readOnly = true)
    public CheckReport checks(String model, int number) {
        version(model, number);
        return draftChecks.check(inForceXml(model), xml(model, number), examples(model, number));
    }

    /** The what-if replay of a stored version on the recent evaluations of the version in force. */
    public WhatIfReport whatIf(String model, int number) {
        version(model, number);
        DecisionVersion inForce = inForce(model, Instant.now()).orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingInForce", model));
        return whatIf.replay(model, inForce.hash(), xml(model, number));
    }

    @Transactional
    public DecisionVersion submit(String model, int number, String changeNote, Authentication user) {
        DecisionVersion draft = lockDraftOfAuthor(model, number, user);
        String note = requireText(changeNote, "changeNoteMissing");
        CheckReport report = draftChecks.check(inForceXml(model), xml(model, number), examples(model, number));
        if (!report.passed()) {
            throw new DecisionChangeRefused(HttpStatus.UNPROCESSABLE_ENTITY, "checksFailed", model, report.findings());
        }
        versions.submit(model, number, note, now());
        audit.record(entry(AuditAction.DECISION_SUBMITTED, user, model, number, note, Map.of("hash", draft.hash())));
        return version(model, number);
    }

    @Transactional
    public DecisionVersion withdraw(String model, int number, Authentication user) {
        DecisionVersion version = locked(model, number);
        requireOwner(model, user);
        if (!version.author().equals(user.getName())) {
            throw refused(HttpStatus.FORBIDDEN, "notAuthor", model);
        }
        if (version.state() != VersionState.DRAFT && version.state() != VersionState.SUBMITTED) {
            throw refused(HttpStatus.CONFLICT, "notOpen", model);
        }
        versions.close(model, number, VersionState.WITHDRAWN, null, null, now());
        audit.record(entry(AuditAction.DECISION_WITHDRAWN, user, model, number, null, Map.of()));
        return version(model, number);
    }

    /**
     * Approves a submitted version by a second owner.
     *
     * @param effectiveFrom null for now; otherwise a future instant
     * @param effectiveUntil null for open-ended; otherwise after effectiveFrom
     */
    @Transactional
    public DecisionVersion approve(String model, int number, String comment, Instant effectiveFrom, Instant effectiveUntil,
            Authentication user) {
        DecisionVersion version = locked(model, number);
        requireOwner(model, user);
        if (version.author().equals(user.getName())) {
            throw refused(HttpStatus.FORBIDDEN, "ownApproval", model);
        }
        if (version.state() != VersionState.SUBMITTED) {
            throw refused(HttpStatus.CONFLICT, "notSubmitted", model);
        }
        Instant now = now();
        Instant from = effectiveFrom == null ? now : effectiveFrom.truncatedTo(ChronoUnit.MICROS);
        if (from.isBefore(now)) {
            throw refused(HttpStatus.BAD_REQUEST, "effectiveInPast", model);
        }
        Instant until = effectiveUntil == null ? null : effectiveUntil.truncatedTo(ChronoUnit.MICROS);
        if (until != null && !until.isAfter(from)) {
            throw refused(HttpStatus.BAD_REQUEST, "untilBeforeFrom", model);
        }
        CheckReport report = draftChecks.check(inForceXml(model), xml(model, number), examples(model, number));
        if (!report.passed()) {
            throw new DecisionChangeRefused(HttpStatus.UNPROCESSABLE_ENTITY, "checksFailed", model, report.findings());
        }
        String note = comment == null || comment.isBlank() ? null : limit(comment.strip());
        versions.approve(model, number, user.getName(), note, from, until, now);
        versions.bumpRevision();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hash", version.hash());
        details.put("author", version.author());
        details.put("changeNote", version.changeNote());
        details.put("effectiveFrom", from.toString());
        details.put("effectiveUntil", until == null ? null : until.toString());
        audit.record(entry(AuditAction.DECISION_APPROVED, user, model, number, note, details));
        reloadAfterCommit();
        return version(model, number);
    }

    @Transactional
    public DecisionVersion reject(String model, int number, String comment, Authentication user) {
        DecisionVersion version = locked(model, number);
        requireOwner(model, user);
        if (version.author().equals(user.getName())) {
            throw refused(HttpStatus.FORBIDDEN, "ownApproval", model);
        }
        if (version.state() != VersionState.SUBMITTED) {
            throw refused(HttpStatus.CONFLICT, "notSubmitted", model);
        }
        String note = requireText(comment, "commentMissing");
        versions.close(model, number, VersionState.REJECTED, user.getName(), note, now());
        audit.record(entry(AuditAction.DECISION_REJECTED, user, model, number, note, Map.of("author", version.author())));
        return version(model, number);
    }

    /** Puts the version before the one in force back in force at once, as a new version; a second owner confirms it later. */
    @Transactional
    public DecisionVersion rollback(String model, String reason, Authentication user) {
        history(model);
        requireOwner(model, user);
        String why = requireText(reason, "reasonMissing");
        Instant now = now();
        PublishedDecision current = catalog.at(model, now).orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingInForce", model));
        PublishedDecision previous = catalog.previous(model, now)
                .orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingToRollBackTo", model));
        int number = versions.nextNumber(model);
        versions.insertRollback(model, number, namespace(model), xml(model, previous.number()), previous.version(),
                examples(model, previous.number()), previous.number(), user.getName(), why, now);
        versions.bumpRevision();
        audit.record(entry(AuditAction.DECISION_ROLLED_BACK, user, model, number, why,
                Map.of("replaced", current.number(), "restored", previous.number(), "hash", previous.version())));
        reloadAfterCommit();
        return version(model, number);
    }

    /** A second owner confirms a rollback. */
    @Transactional
    public DecisionVersion confirmRollback(String model, int number, String comment, Authentication user) {
        DecisionVersion version = locked(model, number);
        requireOwner(model, user);
        if (!version.needsReview()) {
            throw refused(HttpStatus.CONFLICT, "notAwaitingConfirmation", model);
        }
        if (version.author().equals(user.getName())) {
            throw refused(HttpStatus.FORBIDDEN, "ownApproval", model);
        }
        String note = comment == null || comment.isBlank() ? null : limit(comment.strip());
        versions.confirmRollback(model, number, user.getName(), note, now());
        audit.record(entry(AuditAction.DECISION_ROLLBACK_CONFIRMED, user, model, number, note, Map.of("author", version.author())));
        return version(model, number);
    }

    @Transactional(readOnly = true)
    public List<VersionDiff.Change> diff(String model, int older, int newer) {
        return VersionDiff.between(xml(model, older), xml(model, newer));
    }

    private String inForceXml(String model) {
        DecisionVersion inForce = inForce(model, Instant.now()).orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingInForce", model));
        return xml(model, inForce.number());
    }

    private String namespace(String model) {
        return catalog.at(model, Instant.now()).map(PublishedDecision::namespace)
                .orElseThrow(() -> refused(HttpStatus.CONFLICT, "nothingInForce", model));
    }

    private DecisionVersion lockDraftOfAuthor(String model, int number, Authentication user) {
        DecisionVersion version = locked(model, number);
        requireOwner(model, user);
        if (!version.author().equals(user.getName())) {
            throw refused(HttpStatus.FORBIDDEN, "notAuthor", model);
        }
        if (version.state() != VersionState.DRAFT) {
            throw refused(HttpStatus.CONFLICT, "notDraft", model);
        }
        return version;
    }

    private DecisionVersion locked(String model, int number) {
        history(model);
        return versions.lock(model, number).orElseThrow(() -> unknownVersion(model, number));
    }

    private void requireOwner(String model, Authentication user) {
        if (!isOwner(model, user)) {
            throw refused(HttpStatus.FORBIDDEN, "notOwner", model);
        }
    }

    private static String requireText(String text, String code) {
        if (text == null || text.isBlank()) {
            throw refused(HttpStatus.BAD_REQUEST, code, "");
        }
        if (text.length() > MAX_NOTE) {
            throw refused(HttpStatus.BAD_REQUEST, "textTooLong", String.valueOf(MAX_NOTE));
        }
        return text.strip();
    }

    private static String limit(String text) {
        if (text.length() > MAX_NOTE) {
            throw refused(HttpStatus.BAD_REQUEST, "textTooLong", String.valueOf(MAX_NOTE));
        }
        return text;
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                catalog.reload();
            }
        });
    }

    private static List<String> codes(CheckReport report) {
        return report.findings().stream().map(Finding::code).toList();
    }

    private static AuditEntry entry(AuditAction action, Authentication user, String model, int number, String reason,
            Map<String, ?> more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model);
        details.put("number", number);
        details.putAll(more);
        return AuditEntry.of(action, user.getName(), AuditTarget.decision(model), reason).withDetails(details);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static DecisionChangeRefused refused(HttpStatus status, String code, String argument) {
        return new DecisionChangeRefused(status, code, argument);
    }

    private static DecisionChangeRefused unknownModel(String model) {
        return refused(HttpStatus.NOT_FOUND, "unknownModel", model);
    }

    private static DecisionChangeRefused unknownVersion(String model, int number) {
        return refused(HttpStatus.NOT_FOUND, "unknownVersion", model + " v" + number);
    }
}
