package com.livegov.governance.imports;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.livegov.governance.audit.AuditAction;
import com.livegov.governance.audit.AuditEntry;
import com.livegov.governance.audit.AuditTarget;
import com.livegov.governance.audit.AuditTrail;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports existing streamers, their sub-accounts, grants and backups from a CSV or JSON file (formats: see
 * {@link ImportColumns}, {@link StreamerCsv}, {@link StreamerJson}):
 * <ul>
 * <li>all or nothing: one transaction; any refused field refuses the file, and nothing of it is loaded;</li>
 * <li>every refused field is named with its row and column ({@link ImportRefused#errors()});</li>
 * <li>idempotent: streamers and accounts are matched by id; what the file says that the records already say is
 * counted unchanged, so the same file imported twice changes nothing the second time;</li>
 * <li>recorded: the file's hash, the counts and who imported it, and each streamer created or updated, in the audit
 * trail; a refused file too (as a refused request, with its hash and the number of errors).</li>
 * </ul>
 * Imports run one at a time (a transaction-scoped advisory lock), so two uploads of one file cannot both create.
 */
@Service
public class StreamerImport {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final ImportLedger ledger;
    private final ImportMessages messages;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    StreamerImport(JdbcTemplate jdbc, ObjectMapper json, ImportLedger ledger, ImportMessages messages, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.ledger = ledger;
        this.messages = messages;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Imports the file as the user {@code actor} (the login, never a value from the request).
     *
     * @throws ImportRefused with every error when anything in the file is refused (nothing is loaded)
     * @throws ImportTooLarge above {@link UploadLimit#MAX_UPLOAD_BYTES}
     */
    public ImportResult importStreamers(byte[] content, ImportFormat format, String actor) {
        UploadLimit.check(content);
        String sha256 = sha256(content);
        List<Refusal> refusals = new ArrayList<>();
        List<Submitted.Streamer> submitted = format == ImportFormat.CSV ? StreamerCsv.read(content, refusals)
                : StreamerJson.read(content, json, refusals);
        try {
            return transaction.execute(status -> load(submitted, refusals, actor, sha256, format));
        } catch (DataIntegrityViolationException e) {
            // an account or handle was taken by someone else between our reading and our writing
            throw refused(List.of(Refusal.ofFile("CONCURRENT_CHANGE")), actor, sha256, format);
        }
    }

    private ImportResult load(List<Submitted.Streamer> submitted, List<Refusal> refusals, String actor, String sha256, ImportFormat format) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtext('governance:streamer-import'))");
        List<Imported.Streamer> streamers = new ArrayList<>();
        FieldChecks fields = new FieldChecks(LocalDate.now(ZoneId.systemDefault()), refusals);
        submitted.forEach(streamer -> fields.streamer(streamer).ifPresent(streamers::add));
        Set<String> streamerIds = new HashSet<>();
        Set<String> accountIds = new HashSet<>();
        Set<String> handles = new HashSet<>();
        submitted.forEach(streamer -> streamerIds.add(streamer.fields().text(ImportColumns.STREAMER_ID)));
        Set<String> inFile = Set.copyOf(streamerIds);
        for (Imported.Streamer streamer : streamers) {
            streamerIds.addAll(streamer.backups());
            streamer.accounts().forEach(account -> {
                accountIds.add(account.id());
                handles.add(account.handle());
            });
        }
        RecordsOnFile records = RecordsOnFile.read(jdbc, streamerIds, accountIds, handles);
        RecordChecks checks = new RecordChecks(records, inFile, refusals);
        streamers.forEach(checks::check);
        if (!refusals.isEmpty()) {
            throw refused(refusals, actor, sha256, format);
        }
        return ledger.apply(streamers, records, actor, sha256, format.name());
    }

    private ImportRefused refused(List<Refusal> refusals, String actor, String sha256, ImportFormat format) {
        List<ImportError> errors = messages.describe(refusals);
        audit.recordIndependently(AuditEntry.of(AuditAction.REQUEST_REFUSED, actor, new AuditTarget("FILE", sha256),
                "streamer import refused").withDetails(Map.of("kind", "streamers", "format", format.name(), "fileSha256", sha256,
                        "errors", errors.size())));
        return new ImportRefused(messages.text("imports.refused", errors.size()), errors);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
