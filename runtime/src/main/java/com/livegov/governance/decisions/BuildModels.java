package com.livegov.governance.decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision models of the build ({@code rules/}, one folder per model, examples beside each) and what becomes of
 * them at start-up. A model the database has no version of is published as version 1, in force from the beginning. A
 * model whose file differs from every version the business has approved never replaces one: it is proposed as a
 * submitted version (origin DEPLOY) that the owners approve or reject like any other change. Several replicas
 * starting at once agree through a transaction-scoped advisory lock.
 */
@Component
class BuildModels {

    private static final Logger LOG = LoggerFactory.getLogger(BuildModels.class);
    private static final String MODELS = "classpath*:/*/*.dmn";
    static final String DEPLOY = "deploy";
    /** The start of every model's first version: before any business time the platform has. */
    static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");

    /** One model file of the build. */
    record BuildModel(String name, String namespace, String xml, String examples, String source) {
    }

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    BuildModels(JdbcTemplate jdbc, AuditTrail audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    void publishOrPropose() {
        List<BuildModel> models = read();
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('governance.decision_versions'))", Object.class);
            boolean changed = false;
            for (BuildModel model : models) {
                changed |= publishOrPropose(model);
            }
            if (changed) {
                jdbc.update("update governance.decision_catalog_revision set revision = revision + 1, changed_at = now() where id = 1");
            }
        });
    }

    private boolean publishOrPropose(BuildModel model) {
        String hash = DecisionCatalog.sha256(model.xml());
        Integer last = jdbc.queryForObject("select max(number) from governance.decision_versions where model = ?", Integer.class,
                model.name());
        Instant now = Instant.now();
        if (last == null) {
            insert(model, 1, hash, "APPROVED", null, "The model of the build (" + model.source() + ")", now, BEGINNING);
            audit.record(entry(AuditAction.DECISION_PUBLISHED, model, 1, hash, "First version, from the build"));
            return true;
        }
        Boolean known = jdbc.queryForObject("""
                select exists (select 1 from governance.decision_versions where model = ? and hash = ?
                               and (state = 'APPROVED' or origin = 'DEPLOY'))""", Boolean.class, model.name(), hash);
        if (Boolean.TRUE.equals(known)) {
            return false;
        }
        Integer inForce = jdbc.queryForObject("""
                select number from governance.decision_versions where model = ? and state = 'APPROVED'
                and effective_from <= now() and (effective_until is null or effective_until > now())
                order by effective_from desc, number desc limit 1""", Integer.class, model.name());
        int number = last + 1;
        insert(model, number, hash, "SUBMITTED", inForce,
                "The build's file " + model.source() + " differs from the published versions: proposed for the owners' approval", now, null);
        audit.record(entry(AuditAction.DECISION_SUBMITTED, model, number, hash, "Proposed by a deploy"));
        LOG.warn("Decision model {} of the build differs from the versions the business published: proposed as version {}",
                model.name(), number);
        return false;
    }

    private void insert(BuildModel model, int number, String hash, String state, Integer basedOn, String note, Instant now,
            Instant effectiveFrom) {
        Timestamp at = Timestamp.from(now);
        jdbc.update("""
                insert into governance.decision_versions (model, number, namespace, xml, hash, examples, state, origin, based_on,
                    author, created_at, updated_at, change_note, submitted_at, reviewer, reviewed_at, effective_from)
                values (?, ?, ?, ?, ?, ?, ?, 'DEPLOY', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                model.name(), number, model.namespace(), model.xml(), hash, model.examples(), state, basedOn, DEPLOY, at, at, note, at,
                effectiveFrom != null ? DEPLOY : null, effectiveFrom != null ? at : null,
                effectiveFrom != null ? Timestamp.from(effectiveFrom) : null);
    }

    private static AuditEntry entry(AuditAction action, BuildModel model, int number, String hash, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("model", model.name());
        details.put("number", number);
        details.put("hash", hash);
        details.put("source", model.source());
        return AuditEntry.of(action, "system", AuditTarget.decision(model.name()), reason).withDetails(details);
    }

    /** The models of the build: every DMN file on the classpath in our namespace. */
    static List<BuildModel> read() {
        List<BuildModel> models = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(MODELS)) {
                String xml = read(resource);
                if (!xml.contains("namespace=\"" + DecisionCatalog.NAMESPACE_PREFIX)) {
                    continue;
                }
                PublishedDecision compiled = DecisionCatalog.compile(resource.getURL().toString(), xml);
                if (models.stream().anyMatch(m -> m.name().equals(compiled.name()))) {
                    throw new IllegalStateException("Two decision models are named " + compiled.name());
                }
                String fileName = resource.getFilename();
                Resource examples = resource.createRelative(fileName.substring(0, fileName.length() - ".dmn".length()) + ".examples.csv");
                String folder = resource.getURL().toString().replaceAll(".*/([^/]+/[^/]+)$", "$1");
                models.add(new BuildModel(compiled.name(), compiled.namespace(), xml, examples.exists() ? read(examples) : "", "rules/" + folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision models of the build", e);
        }
        return models;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
