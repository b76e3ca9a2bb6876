package com.livegov.governance.imports;

import java.time.LocalDate;
import java.util.List;

/** A streamer and its sub-accounts as the file gives them, every field checked and typed. */
final class Imported {

    private Imported() {
    }

    /** A streamer to import: it is, or becomes, ACTIVE. */
    record Streamer(Submitted source, String id, String displayName, String tier, String category, LocalDate startedOn,
            String opsManager, List<String> backups, List<Account> accounts) {

        Streamer {
            backups = List.copyOf(backups);
            accounts = List.copyOf(accounts);
        }
    }

    /** A sub-account for the streamer's authorized use, with the streamer's grant on it. */
    record Account(Submitted source, String id, String handle, long fans, String level, boolean dataExport) {
    }
}
