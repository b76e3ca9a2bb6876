package com.livegov.governance.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a streamer in the file differs from the streamer on record: each field that would change, with the value
 * on record and the value in the file. Empty when the file says what the record says.
 */
final class StreamerChanges {

    private StreamerChanges() {
    }

    static Map<String, Map<String, Object>> of(RecordsOnFile.Streamer onRecord, Imported.Streamer inFile) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        compare(changes, ImportColumns.DISPLAY_NAME, onRecord.displayName(), inFile.displayName());
        compare(changes, ImportColumns.TIER, onRecord.tier(), inFile.tier());
        compare(changes, ImportColumns.CATEGORY, onRecord.category(), inFile.category());
        compare(changes, ImportColumns.STARTED_ON, onRecord.startedOn().toString(), inFile.startedOn().toString());
        compare(changes, ImportColumns.OPS_MANAGER, onRecord.opsManager(), inFile.opsManager());
        compare(changes, ImportColumns.BACKUPS, onRecord.backups(), inFile.backups());
        return changes;
    }

    /** Whether the sub-account on record shows other fans than the file (the only account field an import updates). */
    static boolean fansDiffer(RecordsOnFile.Account onRecord, Imported.Account inFile) {
        return onRecord.fans() != inFile.fans();
    }

    private static void compare(Map<String, Map<String, Object>> changes, String field, Object onRecord, Object inFile) {
        if (!Objects.equals(onRecord, inFile)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", onRecord instanceof List<?> list ? List.copyOf(list) : onRecord);
            change.put("to", inFile);
            changes.put(field, change);
        }
    }
}
