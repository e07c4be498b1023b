package dev.ordino.base.api;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before the application sees them (an address it cannot decode, such
 * as {@code %00}) get Tomcat's own HTML page; under the API they get a problem instead.
 */
@Component
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReports.class.getName());
            }
        });
    }

    /** Tomcat's error report, as a problem for API addresses. Public: Tomcat creates it by its class name. */
    public static class ProblemReports extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            String uri = request.getRequestURI();
            int status = response.getStatus();
            if (uri == null || !ApiPaths.answersProblems(uri) || status < 400 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ApiProblems.body(status, ApiProblems.codeOf(status), ApiProblems.detailOf(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the answer is already out: nothing more to say
            }
        }
    }
}
