package com.livegov.governance.decisions.versions;

/** Where a version came from. */
public enum VersionOrigin {
    /** A model file of the build ({@code rules/}): the first version, or a proposal from a later deploy. */
    DEPLOY,
    /** Edited in the workbench's table editor. */
    EDITOR,
    /** A {@code .dmn} file uploaded by an owner (saved from the Camunda Modeler). */
    UPLOAD,
    /** An owner's rollback: the previous version again, in force at once. */
    ROLLBACK
}
