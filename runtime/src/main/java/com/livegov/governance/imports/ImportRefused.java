package com.livegov.governance.imports;

import java.util.List;

import com.livegov.governance.config.RefusedRequest;

/** An uploaded file that is refused as a whole: nothing of it was loaded. The API answers 400 with every error. */
public class ImportRefused extends RuntimeException implements RefusedRequest {

    private final transient List<ImportError> errors;

    public ImportRefused(String message, List<ImportError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /** Every refused row and column, in the file's order. */
    public List<ImportError> errors() {
        return errors;
    }
}
