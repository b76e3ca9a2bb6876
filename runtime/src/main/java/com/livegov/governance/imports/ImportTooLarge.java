package com.livegov.governance.imports;

/** An uploaded file above {@link UploadLimit#MAX_UPLOAD_BYTES}: refused unread (413). */
public class ImportTooLarge extends RuntimeException {

    public ImportTooLarge(long size) {
        super("The file has " + size + " bytes; at most " + UploadLimit.MAX_UPLOAD_BYTES + " are taken");
    }
}
