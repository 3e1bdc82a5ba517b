package cn.shencha.notify.api;

import cn.shencha.base.web.ShenchaException;
import cn.shencha.notify.Channel;
import cn.shencha.notify.DeliveryReports;
import cn.shencha.notify.NotifyProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS gateway's delivery reports (status callback). Not a user: the gateway proves itself with the
 * configured API key in {@code Authorization: Bearer <key>}.
 */
@RestController
@RequestMapping("/api/v1/notify/reports")
@Tag(name = "Gateway callbacks")
class DeliveryReportController {

    record SmsReport(String messageId, String status, String detail) {
    }

    record ReportResponse(boolean updated) {
    }

    private final DeliveryReports reports;
    private final NotifyProperties properties;

    DeliveryReportController(DeliveryReports reports, NotifyProperties properties) {
        this.reports = reports;
        this.properties = properties;
    }

    @PostMapping("/sms")
    @Operation(summary = "SMS delivery report: {messageId, status: DELIVERED|FAILED, detail}")
    ReportResponse sms(@RequestHeader(name = "Authorization", required = false) String authorization,
                       @RequestBody SmsReport report) {
        String key = properties.getSms().getApiKey();
        if (key.isBlank() || authorization == null || !MessageDigest.isEqual(
                ("Bearer " + key).getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8))) {
            throw new ShenchaException("UNAUTHENTICATED", HttpStatus.UNAUTHORIZED);
        }
        if (report == null || report.messageId() == null || report.status() == null) {
            throw ShenchaException.badRequest("INVALID_REQUEST");
        }
        boolean delivered = "DELIVERED".equalsIgnoreCase(report.status().strip());
        return new ReportResponse(reports.report(Channel.SMS, report.messageId(), delivered, report.detail()));
    }
}
