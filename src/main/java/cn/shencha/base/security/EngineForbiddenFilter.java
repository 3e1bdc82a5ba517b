package cn.shencha.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's REST answers a refused call with its AuthorizationException: "The user 'x' does not have 'READ'
 * permission on resource '&lt;process instance id&gt;'…", naming instances (and so cases) of other sites and districts.
 * For anyone but an administrator, the body of a 403 from /engine-rest/ or the webapps' engine API is replaced by a
 * generic problem (with Camunda's "message" field, which Tasklist shows). Other answers pass untouched.
 */
class EngineForbiddenFilter extends OncePerRequestFilter {

    static final String DETAIL = "无权访问 (forbidden)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admin = CurrentUser.get().map(u -> u.isStaff() && u.staffScope().admin()).orElse(false);
        if (admin) {
            chain.doFilter(request, response);
            return;
        }
        ForbiddenBodyDropped wrapper = new ForbiddenBodyDropped(response);
        chain.doFilter(request, wrapper);
        if (wrapper.forbidden && !response.isCommitted()) {
            byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"code\":\"FORBIDDEN\","
                    + "\"detail\":\"" + DETAIL + "\",\"message\":\"" + DETAIL + "\"}").getBytes(StandardCharsets.UTF_8);
            response.resetBuffer();
            response.setContentType("application/problem+json;charset=UTF-8");
            // Jersey set the length of its own body before the status.
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** Lets a 403's status through and drops its headers of content and its body. */
    private static final class ForbiddenBodyDropped extends HttpServletResponseWrapper {

        private boolean forbidden;

        ForbiddenBodyDropped(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            forbidden = status == SC_FORBIDDEN;
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (status == SC_FORBIDDEN) {
                forbidden = true;
                super.setStatus(status);
            } else {
                super.sendError(status, message);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!forbidden || !isContentHeader(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!forbidden || !isContentHeader(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setContentType(String type) {
            if (!forbidden) {
                super.setContentType(type);
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!forbidden) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!forbidden) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return forbidden ? DISCARD : super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            return forbidden ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!forbidden) {
                super.flushBuffer();
            }
        }

        private static boolean isContentHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) || HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name);
        }
    }

    private static final ServletOutputStream DISCARD = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // writes never block
        }

        @Override
        public void write(int b) {
            // the 403's own body is dropped
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // the 403's own body is dropped
        }
    };
}
