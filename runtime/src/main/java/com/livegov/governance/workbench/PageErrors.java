package com.livegov.governance.workbench;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/** A page's 403 or 404 is the workbench's error page (templates/error.html) in the reader's language. */
@ControllerAdvice(annotations = WorkbenchPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ResponseStatusException.class)
    void refused(ResponseStatusException refusal, HttpServletResponse response) throws IOException {
        response.sendError(refusal.getStatusCode().value());
    }
}
