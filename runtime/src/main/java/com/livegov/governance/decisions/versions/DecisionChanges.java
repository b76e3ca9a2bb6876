package com.livegov.governance.decisions.versions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.livegov.governance.decisions.checks.CheckReport;
import com.livegov.governance.decisions.checks.VersionDiff;
import com.livegov.governance.decisions.whatif.WhatIfReport;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * How the owners of a decision model change it: draft from the version in force, save (checked every time), submit
 * with a change note, approval or rejection by a second owner, effective dates, rollback. Every step is audited.
 * Refusals are {@link DecisionChangeRefused} (a 4xx with a problem document); nothing changes when one is thrown.
 */
@Service
public class DecisionChanges {

    /** A model as the list shows it. */
    public record ModelSummary(String name, List<String> owners, boolean owner, DecisionVersion inForce,
            List<DecisionVersion> scheduled, int open) {
    }

    /** A saved draft and what its checks found. */
    public record Saved(DecisionVersion version, CheckReport checks) {
    }

    public List<ModelSummary> models(Authentication user) {
        throw new UnsupportedOperationException();
    }

    public List<DecisionVersion> history(String model) {
        throw new UnsupportedOperationException();
    }

    public DecisionVersion version(String model, int number) {
        throw new UnsupportedOperationException();
    }

    public Optional<DecisionVersion> inForce(String model, Instant at) {
        throw new UnsupportedOperationException();
    }

    public String xml(String model, int number) {
        throw new UnsupportedOperationException();
    }

    public String examples(String model, int number) {
        throw new UnsupportedOperationException();
    }

    public boolean isOwner(String model, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /** Starts a draft from the version in force (XML and examples copied). */
    public DecisionVersion startDraft(String model, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /** Saves the draft's XML and examples after checking them; refused (nothing stored) when the checks refuse saving. */
    public Saved save(String model, int number, String xml, String examplesCsv, VersionOrigin origin, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /** The checks of a stored version (run again). */
    public CheckReport checks(String model, int number) {
        throw new UnsupportedOperationException();
    }

    /** The what-if replay of a stored draft on the recent evaluations of the version in force. */
    public WhatIfReport whatIf(String model, int number) {
        throw new UnsupportedOperationException();
    }

    public DecisionVersion submit(String model, int number, String changeNote, Authentication user) {
        throw new UnsupportedOperationException();
    }

    public DecisionVersion withdraw(String model, int number, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /**
     * Approves a submitted version by a second owner.
     *
     * @param effectiveFrom null for now; otherwise a future instant
     * @param effectiveUntil null for open-ended; otherwise after effectiveFrom
     */
    public DecisionVersion approve(String model, int number, String comment, Instant effectiveFrom, Instant effectiveUntil,
            Authentication user) {
        throw new UnsupportedOperationException();
    }

    public DecisionVersion reject(String model, int number, String comment, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /** Puts the version before the one in force back in force at once, as a new version; a second owner confirms it later. */
    public DecisionVersion rollback(String model, String reason, Authentication user) {
        throw new UnsupportedOperationException();
    }

    /** A second owner confirms a rollback. */
    public DecisionVersion confirmRollback(String model, int number, String comment, Authentication user) {
        throw new UnsupportedOperationException();
    }

    public List<VersionDiff.Change> diff(String model, int older, int newer) {
        throw new UnsupportedOperationException();
    }
}
