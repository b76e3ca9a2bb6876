package com.livegov.governance.config;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tomcat refuses some requests before the application sees them (an address holding an encoded NUL, say) and
 * answers them with its own HTML error page. Its error report is replaced by an RFC 7807 problem document that
 * names nothing but the status, like every other error answer of the API.
 */
@Component
class ProblemErrorReports {

    @EventListener
    void replaceTomcatsErrorPage(WebServerInitializedEvent event) {
        if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
            return;
        }
        Host host = tomcat.getTomcat().getHost();
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                host.getPipeline().removeValve(valve);
                host.getPipeline().addValve(new ProblemReportValve());
            }
        }
    }

    /** Writes the problem document of the response's error status, when nothing was written yet. */
    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"type\":\"about:blank\",\"title\":\"" + (status >= 500 ? "Internal error" : "Request refused")
                            + "\",\"status\":" + status + ",\"detail\":\"" + (status >= 500
                                    ? "The request could not be completed; the incident is logged"
                                    : "The request cannot be accepted as it is") + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone, or the response cannot take a body any more
            }
        }
    }
}
