package com.livegov.governance.accounts;

/** Permission levels on an account, lowest first. */
public enum PermissionLevel {
    /** Go live and publish content; no core data, no export. */
    STREAMER_BASIC,
    /** Content review and data monitoring. */
    OPERATOR,
    /** Everything; critical actions still need multi-level approval. */
    MANAGEMENT
}
