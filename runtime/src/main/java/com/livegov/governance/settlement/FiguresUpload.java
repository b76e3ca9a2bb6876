package com.livegov.governance.settlement;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.livegov.governance.imports.ImportMessages;
import com.livegov.governance.imports.ImportRefused;
import com.livegov.governance.imports.Refusal;
import com.livegov.governance.imports.UploadLimit;
import org.springframework.stereotype.Service;

/**
 * Loads a month's figures from a CSV file ({@link FiguresCsv}), all or nothing like the JSON load: a file with any
 * refused cell (or an unknown streamer) is refused with the row and column of every error, and nothing is loaded.
 * The load is recorded in the audit trail with the file's SHA-256.
 */
@Service
public class FiguresUpload {

    /** What was loaded. */
    public record Loaded(String month, int loaded, String fileSha256) {
    }

    private final CommissionFigures figures;
    private final SettlementProperties properties;
    private final ImportMessages messages;

    FiguresUpload(CommissionFigures figures, SettlementProperties properties, ImportMessages messages) {
        this.figures = figures;
        this.properties = properties;
        this.messages = messages;
    }

    /**
     * Loads the file's figures for the month ({@code 2026-10}) as {@code loadedBy} (the login).
     *
     * @throws ImportRefused with every refused row and column; nothing loaded
     * @throws SettlementRefused an unreadable month or one not begun (400)
     * @throws SettlementConflict the month is being settled or settled: its figures are frozen (409)
     */
    public Loaded upload(String month, byte[] csv, String loadedBy) {
        UploadLimit.check(csv);
        SettlementMonth settled = SettlementMonth.parse(month);
        if (settled.isAfterCurrent(properties.zone())) {
            throw new SettlementRefused(month + " has not begun: figures are loaded for a month under way or past");
        }
        List<Refusal> refusals = new ArrayList<>();
        FiguresCsv.Read read = FiguresCsv.read(csv, refusals);
        figures.unknownStreamers(read.rows().keySet())
                .forEach(id -> refusals.add(Refusal.at(read.rows().get(id), FiguresCsv.STREAMER_ID, "UNKNOWN_STREAMER", id)));
        if (!refusals.isEmpty()) {
            var errors = messages.describe(refusals);
            throw new ImportRefused(messages.text("imports.refused", errors.size()), errors);
        }
        String sha256 = sha256(csv);
        figures.loadFile(settled, read.figures(), loadedBy, sha256);
        return new Loaded(settled.toString(), read.figures().size(), sha256);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
