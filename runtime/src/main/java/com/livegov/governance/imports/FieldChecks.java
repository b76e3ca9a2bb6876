package com.livegov.governance.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.livegov.governance.accounts.PermissionLevel;

/**
 * The checks of each field on its own: present, well-formed, one of the allowed values. Every refused field is
 * named; a streamer with a refused field (or a refused sub-account) is not imported, and neither is the file.
 */
final class FieldChecks {

    static final List<String> TIERS = List.of("REGULAR", "KEY", "STRATEGIC", "PARTNER", "INCUBATOR");
    static final List<String> LEVELS = Arrays.stream(PermissionLevel.values()).map(Enum::name).toList();
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,13}");
    private static final long MAX_FANS = 1_000_000_000_000L;

    private final LocalDate today;
    private final List<Refusal> refusals;

    FieldChecks(LocalDate today, List<Refusal> refusals) {
        this.today = today;
        this.refusals = refusals;
    }

    Optional<Imported.Streamer> streamer(Submitted.Streamer submitted) {
        int before = refusals.size();
        Submitted fields = submitted.fields();
        String id = id(fields, ImportColumns.STREAMER_ID);
        String displayName = text(fields, ImportColumns.DISPLAY_NAME, 100);
        String tier = choice(fields, ImportColumns.TIER, TIERS, null);
        String category = text(fields, ImportColumns.CATEGORY, 60);
        LocalDate startedOn = startDate(fields);
        String opsManager = text(fields, ImportColumns.OPS_MANAGER, 63);
        List<String> backups = backups(fields, id);
        List<Imported.Account> accounts = new ArrayList<>();
        submitted.accounts().forEach(account -> account(account).ifPresent(accounts::add));
        if (refusals.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Imported.Streamer(fields, id, displayName, tier, category, startedOn, opsManager, backups, accounts));
    }

    private Optional<Imported.Account> account(Submitted fields) {
        int before = refusals.size();
        String id = id(fields, ImportColumns.ACCOUNT_ID);
        String handle = text(fields, ImportColumns.HANDLE, 100);
        long fans = fans(fields);
        String level = choice(fields, ImportColumns.PERMISSION_LEVEL, LEVELS, PermissionLevel.STREAMER_BASIC.name());
        boolean dataExport = yesOrNo(fields, ImportColumns.DATA_EXPORT);
        return refusals.size() > before ? Optional.empty() : Optional.of(new Imported.Account(fields, id, handle, fans, level, dataExport));
    }

    private String id(Submitted fields, String field) {
        String id = text(fields, field, 64);
        if (id != null && !ID.matcher(id).matches()) {
            refusals.add(fields.refusal(field, "INVALID_ID", id));
            return null;
        }
        return id;
    }

    /** Required text of at most {@code max} characters. */
    private String text(Submitted fields, String field, int max) {
        String text = fields.text(field);
        if (text.isEmpty()) {
            refusals.add(fields.refusal(field, "REQUIRED"));
            return null;
        }
        if (text.length() > max) {
            refusals.add(fields.refusal(field, "TOO_LONG", max));
            return null;
        }
        return text;
    }

    /** One of the allowed values, in any letter case; {@code fallback} when empty, required when there is none. */
    private String choice(Submitted fields, String field, List<String> allowed, String fallback) {
        String text = fields.text(field);
        if (text.isEmpty() && fallback != null) {
            return fallback;
        }
        if (text.isEmpty()) {
            refusals.add(fields.refusal(field, "REQUIRED"));
            return null;
        }
        String value = text.toUpperCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            refusals.add(fields.refusal(field, "INVALID_CHOICE", text, String.join(", ", allowed)));
            return null;
        }
        return value;
    }

    private LocalDate startDate(Submitted fields) {
        String text = fields.text(ImportColumns.STARTED_ON);
        if (text.isEmpty()) {
            refusals.add(fields.refusal(ImportColumns.STARTED_ON, "REQUIRED"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                refusals.add(fields.refusal(ImportColumns.STARTED_ON, "FUTURE_DATE", text));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            refusals.add(fields.refusal(ImportColumns.STARTED_ON, "INVALID_DATE", text));
            return null;
        }
    }

    /** The backup ids in rank order: well-formed, not the streamer itself, none twice. */
    private List<String> backups(Submitted fields, String streamerId) {
        List<String> backups = new ArrayList<>();
        for (String part : fields.text(ImportColumns.BACKUPS).split(";")) {
            String backup = part.strip();
            if (backup.isEmpty()) {
                continue;
            }
            if (!ID.matcher(backup).matches()) {
                refusals.add(fields.refusal(ImportColumns.BACKUPS, "INVALID_ID", backup));
            } else if (backup.equals(streamerId)) {
                refusals.add(fields.refusal(ImportColumns.BACKUPS, "SELF_BACKUP", backup));
            } else if (backups.contains(backup)) {
                refusals.add(fields.refusal(ImportColumns.BACKUPS, "DUPLICATE_BACKUP", backup));
            } else {
                backups.add(backup);
            }
        }
        return backups;
    }

    private long fans(Submitted fields) {
        String text = fields.text(ImportColumns.FANS);
        if (text.isEmpty()) {
            return 0;
        }
        if (!WHOLE_NUMBER.matcher(text).matches() || Long.parseLong(text) >= MAX_FANS) {
            refusals.add(fields.refusal(ImportColumns.FANS, "INVALID_NUMBER", text));
            return 0;
        }
        return Long.parseLong(text);
    }

    private boolean yesOrNo(Submitted fields, String field) {
        String text = fields.text(field).toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "false", "no" -> false;
            case "true", "yes" -> true;
            default -> {
                refusals.add(fields.refusal(field, "INVALID_BOOLEAN", fields.text(field)));
                yield false;
            }
        };
    }
}
