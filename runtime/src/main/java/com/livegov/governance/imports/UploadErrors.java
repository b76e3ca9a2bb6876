package com.livegov.governance.imports;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The answers to a refused upload, wherever it was uploaded (streamer imports, settlement figures): 400 with
 * {@code errors}, a list of {@code {row, column, code, message}}, or 413 for a file above the limit. Problems are JSON
 * whatever the client accepts.
 */
@RestControllerAdvice
@Order(0)
class UploadErrors {

    private final ImportMessages messages;

    UploadErrors(ImportMessages messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(messages.text("imports.refused.title"));
        problem.setProperty("errors", e.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(ImportTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.text("imports.too-large", UploadLimit.MAX_UPLOAD_BYTES));
        problem.setTitle(messages.text("imports.too-large.title"));
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
