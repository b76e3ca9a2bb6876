package com.livegov.governance.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a streamer import (the same names are the fields of the JSON form). One row per sub-account:
 * the streamer's columns are repeated on each of its rows and must agree; a streamer without a sub-account has one
 * row with the account columns left empty.
 */
final class ImportColumns {

    static final String STREAMER_ID = "streamerId";
    static final String DISPLAY_NAME = "displayName";
    static final String TIER = "tier";
    static final String CATEGORY = "category";
    static final String STARTED_ON = "startedOn";
    static final String OPS_MANAGER = "opsManager";
    /** Backup streamers in rank order, separated by {@code ;} (a JSON array in the JSON form). */
    static final String BACKUPS = "backups";
    static final String ACCOUNT_ID = "accountId";
    static final String HANDLE = "handle";
    static final String FANS = "fans";
    static final String PERMISSION_LEVEL = "permissionLevel";
    static final String DATA_EXPORT = "dataExport";
    /** The JSON form's list of a streamer's sub-accounts. */
    static final String SUB_ACCOUNTS = "subAccounts";

    static final List<String> STREAMER = List.of(STREAMER_ID, DISPLAY_NAME, TIER, CATEGORY, STARTED_ON, OPS_MANAGER, BACKUPS);
    static final List<String> ACCOUNT = List.of(ACCOUNT_ID, HANDLE, FANS, PERMISSION_LEVEL, DATA_EXPORT);
    static final List<String> ALL = all();
    /** A CSV file must have these; the others may be left out (no backups, no sub-accounts, the defaults). */
    static final List<String> REQUIRED = List.of(STREAMER_ID, DISPLAY_NAME, TIER, CATEGORY, STARTED_ON, OPS_MANAGER);

    private ImportColumns() {
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(STREAMER);
        all.addAll(ACCOUNT);
        return List.copyOf(all);
    }
}
