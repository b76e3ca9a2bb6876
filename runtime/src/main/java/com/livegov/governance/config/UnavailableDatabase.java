package com.livegov.governance.config;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The answer when the work cannot be done now, but can be later: the database cannot be reached (stopped, restarting,
 * its connections all taken) or the server is at its admission bound ({@link AdmissionControl}). Either is a 503
 * problem document with {@code Retry-After}, in the reader's language ({@code messages/admission}), naming no
 * exception, class or SQL; never a 500. Used by the admission filter and by every error handler that can meet a
 * lost connection ({@link ApiErrors}, {@link ProcessRequestErrors}, {@link ProblemErrorController}).
 */
@Component
public class UnavailableDatabase {

    /** Why the request is refused: the message keys of its title and detail. */
    enum Reason {
        BUSY("admission.busy"), DATABASE("admission.database");

        private final String key;

        Reason(String key) {
            this.key = key;
        }
    }

    /** Hikari's words (and its only ones, with no SQLState) for a call on a connection it closed after it broke. */
    private static final String HIKARI_CLOSED = "Connection is closed";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final AdmissionProperties settings;

    UnavailableDatabase(MessageSource messages, LocaleResolver locales, ObjectMapper json, AdmissionProperties settings) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.settings = settings;
    }

    /**
     * Whether the failure, or any of its causes, is a lost or unobtainable database connection: Spring's and
     * Hikari's wrappers, or a driver error of SQLState class 08 (connection exception) or 57P (the server is
     * shutting down, crashed or starting up), however JPA or Kogito wrapped it; also the failed rollback on a
     * connection the pool closed when it broke (which hides the first failure).
     */
    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true; // the pool closed a connection that broke; a rollback on it fails with this, no SQLState
            }
        }
        return false;
    }

    /** The 503 answer of the reason, for a handler returning a response entity. */
    ResponseEntity<ProblemDetail> answer(HttpServletRequest request, Reason reason) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(request, reason));
    }

    /** The 503 answer of the reason, for the error controller (whose answers are maps). */
    ResponseEntity<Map<String, Object>> answerAsMap(HttpServletRequest request, Reason reason) {
        ProblemDetail problem = problem(request, reason);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /**
     * Writes the 503 answer of an unreachable database, for code outside the MVC handlers (a security entry point
     * meeting a login that could not be checked, say); the response must not be committed.
     */
    public void writeUnreachable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, Reason.DATABASE);
    }

    /** Writes the 503 answer of the reason, for a filter; the response must not be committed. */
    void write(HttpServletRequest request, HttpServletResponse response, Reason reason) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, settings.retryAfterSeconds());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem(request, reason));
    }

    private ProblemDetail problem(HttpServletRequest request, Reason reason) {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage(reason.key + ".detail", new Object[] {settings.retryAfterSeconds()}, locale));
        problem.setTitle(messages.getMessage(reason.key + ".title", null, locale));
        problem.setProperty("retryAfterSeconds", Integer.parseInt(settings.retryAfterSeconds()));
        return problem;
    }
}
