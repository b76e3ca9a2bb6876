package com.livegov.governance.accounts;

/** What can be done to an account. */
public enum AccountAction {
    /** Opens a sub-account for a streamer's authorized use: {@code STREAMER_BASIC}, no data export, a first stream key. */
    OPEN_SUB_ACCOUNT,
    /** Stops live streaming at once; approved after the fact. */
    EMERGENCY_PAUSE,
    /** Suspends live streaming for some days. */
    SUSPEND_LIVE,
    /** Lifts a pause or a suspension. */
    RESTORE_LIVE,
    /** Lowers the permission level of the account's grants and removes data export. */
    DOWNGRADE_PERMISSIONS,
    /** Disables the account: no live streaming, no permissions, no stream key. */
    DISABLE,
    /** Cancels the account for good. */
    CANCEL_ACCOUNT,
    /** Moves the audience to another company account (the main account or a backup streamer's). */
    TRANSFER_FANS,
    /** Takes a sub-account back from the streamer it was authorized for. */
    RECLAIM_SUB_ACCOUNT,
    /** Issues a new stream key and retires the old one. */
    ROTATE_STREAM_KEY;

    /** The action of that name; an unknown name is the caller's mistake. */
    public static AccountAction parse(String name) {
        for (AccountAction action : values()) {
            if (action.name().equals(name)) {
                return action;
            }
        }
        throw new AccountProblem(AccountProblem.Kind.INVALID_PARAMETER,
                "Unknown account action " + name + "; the actions are " + java.util.Arrays.toString(values()));
    }
}
