package com.livegov.governance.imports;

import com.livegov.governance.config.RequestSizeLimit;

/**
 * How large an uploaded file may be: {@link RequestSizeLimit#MAX_UPLOAD_BYTES} (2 MiB). The API refuses a larger
 * body before reading it; a page that receives a file otherwise (a multipart upload) checks it here.
 */
public final class UploadLimit {

    public static final int MAX_UPLOAD_BYTES = RequestSizeLimit.MAX_UPLOAD_BYTES;

    private UploadLimit() {
    }

    /** Refuses a file above the limit. */
    public static void check(byte[] content) {
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new ImportTooLarge(content.length);
        }
    }
}
