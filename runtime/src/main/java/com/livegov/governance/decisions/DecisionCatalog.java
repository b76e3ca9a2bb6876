package com.livegov.governance.decisions;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.internal.io.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The approved versions of every decision model and the period each is in force, read from PostgreSQL and compiled
 * ahead of time. Every caller, REST or process, reaches a model through here with the instant that matters to it
 * (now, a settled month's last day, when a case began), so the version is chosen by time alone: every replica with the
 * same rows chooses the same version at the same instant, and a version scheduled for later is never chosen before
 * its instant.
 * <p>
 * In force at an instant t: among the approved versions whose period contains t (from &lt;= t, and t &lt; until when an
 * end is set), the one that took effect last (ties: the higher number). When a version's period ends, the one before it
 * applies again.
 * <p>
 * Each replica polls {@code decision_catalog_revision} (every {@code governance.decisions.refresh-interval}) and
 * reloads when it moved; a new version is compiled when it is approved, long before a scheduled instant, and within
 * one poll for a version in force at once. Old versions are compiled on first use (an evaluation as of a past date).
 */
@Component
public class DecisionCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionCatalog.class);
    /** Our models' namespaces; libraries on the classpath ship DMN files of their own. */
    static final String NAMESPACE_PREFIX = "https://streamer-governance.org/dmn/";

    private final JdbcTemplate jdbc;
    private final Map<String, PublishedDecision> compiledByHash = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller;
    private volatile Map<String, VersionTimeline> timelines = Map.of();
    private volatile long revision = -1;

    DecisionCatalog(JdbcTemplate jdbc, BuildModels build, @Value("${governance.decisions.refresh-interval:PT0.2S}") Duration refresh) {
        this.jdbc = jdbc;
        build.publishOrPropose();
        reload();
        LOG.info("Decision models in force: {}", all().stream().map(d -> d.name() + " v" + d.number()).toList());
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "decision-catalog");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::reloadQuietly, refresh.toMillis(), refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    /** The version of the model in force now. */
    public Optional<PublishedDecision> current(String name) {
        return at(name, Instant.now());
    }

    /** The version of the model in force at that instant, or empty when no model has that name (or none was in force). */
    public Optional<PublishedDecision> at(String name, Instant instant) {
        VersionTimeline timeline = timelines.get(name);
        if (timeline == null) {
            return Optional.empty();
        }
        VersionTimeline.Period period = timeline.at(instant);
        return period == null ? Optional.empty() : Optional.of(decision(name, period));
    }

    /**
     * The version that applies at that instant if the one in force then did not exist: what a rollback puts back.
     */
    public Optional<PublishedDecision> previous(String name, Instant instant) {
        VersionTimeline timeline = timelines.get(name);
        if (timeline == null) {
            return Optional.empty();
        }
        return timeline.periods().stream().filter(period -> period.contains(instant)).skip(1).findFirst()
                .map(period -> decision(name, period));
    }

    boolean knows(String namespace, String name) {
        VersionTimeline timeline = timelines.get(name);
        return timeline != null && timeline.namespace().equals(namespace);
    }

    /** The versions in force now, by model name. */
    Collection<PublishedDecision> all() {
        Instant now = Instant.now();
        List<PublishedDecision> all = new ArrayList<>();
        for (String name : new TreeMap<>(timelines).keySet()) {
            at(name, now).ifPresent(all::add);
        }
        return all;
    }

    /** Reads the versions again now (after a change on this replica, so it is in force here at once). */
    public synchronized void reload() {
        long seen = jdbc.queryForObject("select revision from governance.decision_catalog_revision where id = 1", Long.class);
        if (seen == revision) {
            return;
        }
        Map<String, String> namespaces = new LinkedHashMap<>();
        Map<String, List<VersionTimeline.Period>> periods = new LinkedHashMap<>();
        jdbc.query("""
                select model, namespace, number, hash, effective_from, effective_until from governance.decision_versions
                where state = 'APPROVED' order by model, effective_from desc, number desc""", rs -> {
            String model = rs.getString("model");
            namespaces.put(model, rs.getString("namespace"));
            Timestamp until = rs.getTimestamp("effective_until");
            periods.computeIfAbsent(model, m -> new ArrayList<>()).add(new VersionTimeline.Period(rs.getInt("number"),
                    rs.getTimestamp("effective_from").toInstant(), until == null ? null : until.toInstant(), rs.getString("hash")));
        });
        Map<String, VersionTimeline> loaded = new LinkedHashMap<>();
        Instant now = Instant.now();
        for (Map.Entry<String, List<VersionTimeline.Period>> model : periods.entrySet()) {
            VersionTimeline timeline = new VersionTimeline(namespaces.get(model.getKey()), model.getValue());
            loaded.put(model.getKey(), timeline);
            for (VersionTimeline.Period period : timeline.periods()) {
                if (period.until() == null || period.until().isAfter(now)) {
                    decision(model.getKey(), period); // in force or scheduled: ready before its instant
                }
            }
        }
        timelines = Map.copyOf(loaded);
        revision = seen;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the decision versions; the versions known stay in force: {}", e.toString());
        }
    }

    private PublishedDecision decision(String name, VersionTimeline.Period period) {
        PublishedDecision decision = period.decision();
        if (decision == null) {
            decision = compiledByHash
                    .computeIfAbsent(period.hash(), hash -> compile(name + " v" + period.number(), xml(name, period.number())))
                    .numbered(period.number(), name + " v" + period.number());
            period.compiled(decision);
        }
        return decision;
    }

    private String xml(String name, int number) {
        return jdbc.queryForObject("select xml from governance.decision_versions where model = ? and number = ?", String.class,
                name, number);
    }

    static PublishedDecision compile(String source, String xml) {
        DMNRuntime runtime = DMNRuntimeBuilder.fromDefaults()
                .buildConfiguration()
                .fromResources(List.of(ResourceFactory.newReaderResource(new StringReader(xml)).setSourcePath(source)))
                .getOrElseThrow(e -> new IllegalStateException("Decision model " + source + " does not compile", e));
        runtime.addListener(MatchedRules.LISTENER);
        if (runtime.getModels().isEmpty()) {
            throw new IllegalStateException("Decision model " + source + " holds no model");
        }
        DMNModel model = runtime.getModels().get(0);
        List<DMNMessage> errors = model.getMessages(DMNMessage.Severity.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Decision model " + source + " has errors: " + errors);
        }
        return new PublishedDecision(model.getName(), model.getNamespace(), sha256(xml), 0, source, model, runtime,
                DecisionInputs.describe(model));
    }

    public static String sha256(String xml) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
